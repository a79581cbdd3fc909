use clap::Parser;
use std::process::ExitCode;

use actorctl::cli::Cli;
use actorctl::config::Settings;
use actorctl::error::{exit_code, EXIT_OK, EXIT_USAGE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::from(EXIT_OK);
        }
        Err(e) => {
            eprintln!("{}", usage_error_text(&e));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    init_logging(cli.verbose);
    let mut secrets = Vec::new();
    let result = Settings::from_opts(&cli.connect).and_then(|settings| {
        secrets = settings.secrets();
        let rt =
            tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(anyhow::Error::from)?;
        rt.block_on(async {
            actorctl::interrupt::install();
            actorctl::commands::run(cli, &settings).await
        })
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            let mut msg = format!("actorctl: error: {e}");
            for cause in e.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {cause}"));
            }
            // Last line of defence: no password leaves the process.
            for s in &secrets {
                msg = msg.replace(s.as_str(), "***");
            }
            eprintln!("{msg}");
            ExitCode::from(exit_code(&e))
        }
    }
}

/// clap's message in one line, kubectl-style, with where to read more.
fn usage_error_text(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let first = rendered.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let usage =
        rendered.lines().find(|l| l.starts_with("Usage: ")).map(|u| format!("\n{u}")).unwrap_or_default();
    format!("actorctl: error: {first}{usage}\nSee 'actorctl --help' or 'actorctl <command> --help'.")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "actorctl=info",
        _ => "actorctl=debug,info",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false).init();
}
