use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

use actorctl::cli::{Cli, Command};
use actorctl::config::Settings;
use actorctl::error::{exit_code, EXIT_OK, EXIT_USAGE};

fn main() -> ExitCode {
    let matches = match Cli::command().version(version()).try_get_matches() {
        Ok(m) => m,
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
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            eprintln!("{}", usage_error_text(&e));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    init_logging(cli.verbose);
    let mut secrets = Vec::new();
    let result = run(cli, &matches, &mut secrets);
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            let mut msg = format!("actorctl: error: {e}");
            for cause in e.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {cause}"));
            }
            eprintln!("{}", actorctl::error::scrub(msg, &secrets));
            ExitCode::from(exit_code(&e))
        }
    }
}

fn run(mut cli: Cli, matches: &clap::ArgMatches, secrets: &mut Vec<String>) -> anyhow::Result<u8> {
    if let Command::Completions { shell } = &cli.command {
        let script = actorctl::docs::completion(Cli::command(), *shell);
        actorctl::output::emit(&String::from_utf8_lossy(&script))?;
        return Ok(EXIT_OK);
    }
    let explicit = cli.config.is_some();
    let path = actorctl::contexts::path(cli.config.as_deref()).ok_or_else(|| {
        actorctl::error::usage("no config file location: set HOME, XDG_CONFIG_HOME or --config")
    });
    if let Command::Config(cmd) = &cli.command {
        return actorctl::commands::contexts::run(cmd, &path?, explicit, cli.context.as_deref());
    }
    if let Ok(path) = path {
        let file = actorctl::contexts::load(&path, explicit)?;
        if let Some((name, ctx)) = actorctl::contexts::select(&file, cli.context.as_deref(), &path)? {
            tracing::info!("using context {name} from {}", path.display());
            secrets.extend(ctx.password.clone());
            actorctl::contexts::apply(&mut cli, matches, ctx)?;
        }
    }
    let mut settings = Settings::from_opts(&cli.connect)?;
    settings.actor_interval = cli.thresholds.actor_interval;
    settings.stuck_after = cli.thresholds.stuck_after;
    secrets.extend(settings.secrets());
    tracing::info!(
        "CMS database {}, store {} (schemas {}, {})",
        settings.cms,
        settings.store,
        settings.cms_schema,
        settings.store_schema
    );
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async {
        actorctl::interrupt::install();
        actorctl::commands::run(cli.command, &settings).await
    })
}

/// `0.1.0 (git abc123def456)`
fn version() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), " (git ", env!("ACTORCTL_GIT_COMMIT"), ")")
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
