use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

use actorctl::cli::Cli;
use actorctl::{lower, ColorChoice, Lowered, Stop, Term};

const EXIT_OK: u8 = 0;
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    // `COMPLETE=<shell> actorctl …`: answer the shell and exit.
    clap_complete::CompleteEnv::with_factory(actorctl::complete::command).complete();
    let matches = match Cli::command().version(version()).try_get_matches() {
        Ok(m) => m,
        Err(e) => return usage_error(&e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let term = Term::new(match cli.common.color {
        actorctl::cli::ColorChoice::Auto => ColorChoice::Auto,
        actorctl::cli::ColorChoice::Always => ColorChoice::Always,
        actorctl::cli::ColorChoice::Never => ColorChoice::Never,
    });
    init_logging(cli.verbose, term.stderr_color());
    let mut secrets = Vec::new();
    match run(cli, &matches, &term, &mut secrets) {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            // Messages may quote what the databases hold: escape it.
            let mut msg = format!("actorctl: error: {}", actorctl::printable(&e.to_string()));
            for cause in e.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {}", actorctl::printable(&cause.to_string())));
            }
            eprintln!("{}", actorctl::scrub(msg, &secrets));
            ExitCode::from(actorctl::exit_code(&e))
        }
    }
}

fn run(cli: Cli, matches: &clap::ArgMatches, term: &Term, secrets: &mut Vec<String>) -> anyhow::Result<u8> {
    let run = match lower(cli, matches, secrets)? {
        Lowered::Completions(shell) => {
            let script = actorctl::docs::completion(Cli::command(), shell);
            print!("{}", String::from_utf8_lossy(&script));
            return Ok(EXIT_OK);
        }
        Lowered::Config { job, path, explicit, selected } => {
            return actorctl::run_config(&job, &path, explicit, selected.as_deref(), term);
        }
        Lowered::Run(run) => run,
    };
    listen_for_interrupts();
    // One thread: a fleet read's rows go from the connections' tasks to the
    // reader without a wake-up across threads (at 100k, 8% of the client's
    // CPU). The sort and the JSON output use threads of their own.
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(actorctl::dispatch(*run, term))
}

/// SIGINT, SIGTERM, SIGHUP: a graceful stop where the command supports one
/// (a second signal exits at once), else exit 128 + the signal's number.
/// Heard on a thread of its own, so also while the command's thread is
/// busy or blocked (a prompt, a write to a full pipe); listening before
/// this returns.
fn listen_for_interrupts() {
    let (ready, listening) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("signals".into()).spawn(move || {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
            let _ = ready.send(());
            return;
        };
        rt.block_on(async move {
            let mut streams = Vec::new();
            for (kind, signo) in [
                (SignalKind::interrupt(), libc::SIGINT),
                (SignalKind::terminate(), libc::SIGTERM),
                (SignalKind::hangup(), libc::SIGHUP),
            ] {
                if let Ok(stream) = signal(kind) {
                    streams.push(hear(stream, signo));
                }
            }
            let _ = ready.send(());
            futures::future::join_all(streams).await;
        });
    });
    if spawned.is_ok() {
        let _ = listening.recv();
    }
}

async fn hear(mut stream: tokio::signal::unix::Signal, signo: i32) {
    while stream.recv().await.is_some() {
        match actorctl::interrupt(signo) {
            Stop::Graceful => eprintln!(
                "actorctl: interrupted: starting no new actions, finishing those in flight (again to abort)"
            ),
            Stop::Done => std::process::exit(EXIT_OK.into()),
            Stop::Now(code) => {
                eprintln!("actorctl: interrupted");
                std::process::exit(code.into());
            }
        }
    }
}

/// `0.1.0 (git abc123def456)`
fn version() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), " (git ", env!("ACTORCTL_GIT_COMMIT"), ")")
}

/// --help and --version print and exit 0; any other clap error is a usage
/// error, exit 2, with clap's whole message: the suggestion ("a similar
/// subcommand exists"), the allowed values, the usage line. Styled only
/// when stderr is a terminal.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::from(EXIT_OK);
    }
    // Bare `actorctl` (with or without connection variables set), or a
    // command group without its subcommand: the help, then one error line.
    let bare = std::env::args_os().len() == 1;
    if bare || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        if bare {
            eprint!("{}", Cli::command().render_help());
        } else {
            let _ = e.print();
        }
        eprintln!("actorctl: error: no command given (see the list above)");
        return ExitCode::from(EXIT_USAGE);
    }
    let styled = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let rendered = if styled { e.render().ansi().to_string() } else { e.render().to_string() };
    eprint!("actorctl: {}", without_connection_values(&rendered));
    ExitCode::from(EXIT_USAGE)
}

/// A usage line names the connection flags an environment variable filled
/// in (`--database-url <DATABASE_URL>`): noise at best, so drop them.
fn without_connection_values(text: &str) -> String {
    text.replace(" --database-url <DATABASE_URL>", "").replace(" --duroxide-url <DUROXIDE_URL>", "")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn init_logging(verbose: u8, color: bool) {
    let default = match verbose {
        0 => "warn",
        1 => "actorctl=info",
        _ => "actorctl=debug,info",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color)
        .with_target(false)
        .init();
}
