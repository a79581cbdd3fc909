use clap::Parser;
use std::process::ExitCode;

use actorctl::cli::Cli;
use actorctl::config::Settings;
use actorctl::error::{exit_code, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    init_logging(cli.verbose);
    let mut secrets = Vec::new();
    let result = Settings::from_opts(&cli.connect).and_then(|settings| {
        secrets = settings.secrets();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)?;
        rt.block_on(async {
            tokio::select! {
                r = actorctl::commands::run(cli, &settings) => r,
                _ = tokio::signal::ctrl_c() => Ok(EXIT_INTERRUPTED),
            }
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

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
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
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}
