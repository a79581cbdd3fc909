//! Dynamic shell completion (`COMPLETE=<shell> actorctl`, clap_complete's
//! `CompleteEnv`): instance names from the CMS within a 2 s budget (nothing
//! offered when it is unreachable), context names from the config file.
//! The completers are attached to the clap definitions here, at run time,
//! so that `cli` stays plain definitions.

use clap::{Command, CommandFactory, FromArgMatches};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::OsStr;
use std::time::Duration;

use crate::cli::Cli;
use crate::lower::{lower, Lowered};
use crate::settings::contexts;

/// The whole budget of a completion that asks the database.
const BUDGET: Duration = Duration::from_secs(2);

/// Subcommands whose positional argument names instances.
const NAMED: [(&str, &str); 7] = [
    ("show", "name"),
    ("start", "name"),
    ("restart", "name"),
    ("cancel", "name"),
    ("reset-failed", "names"),
    ("events", "names"),
    ("recover", "names"),
];

/// The command with completers attached, for `CompleteEnv`.
pub fn command() -> Command {
    let mut cmd = Cli::command().mut_arg("context", |a| a.add(ArgValueCompleter::new(context_names)));
    for (sub, arg) in NAMED {
        cmd = cmd.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.add(ArgValueCompleter::new(instance_names))));
    }
    cmd
}

/// The value of `--flag X` / `--flag=X` among the words being completed.
fn typed(flag: &str) -> Option<String> {
    let words: Vec<String> = std::env::args().skip_while(|a| a != "--").collect();
    let prefix = format!("{flag}=");
    words.iter().enumerate().find_map(|(i, w)| match w.strip_prefix(&prefix) {
        Some(v) => Some(v.to_string()),
        None if w == flag => words.get(i + 1).cloned(),
        None => None,
    })
}

fn context_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let explicit =
        typed("--config").or_else(|| std::env::var("ACTORCTL_CONFIG").ok()).map(std::path::PathBuf::from);
    let Some(path) = contexts::path(explicit.as_deref()) else { return Vec::new() };
    let Ok(file) = contexts::load(&path, false) else { return Vec::new() };
    file.contexts.keys().filter(|n| n.starts_with(current.as_ref())).map(CompletionCandidate::new).collect()
}

fn instance_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = current.to_string_lossy().into_owned();
    // Lowered like a real run: flags typed so far, environment, context.
    let mut argv = vec!["actorctl".to_string()];
    for flag in ["--config", "--context", "--database-url", "--cms-schema", "--connect-timeout"] {
        if let Some(v) = typed(flag) {
            argv.extend([flag.to_string(), v]);
        }
    }
    argv.push("list".into());
    let Ok(matches) = Cli::command().try_get_matches_from(argv) else { return Vec::new() };
    let Ok(cli) = Cli::from_arg_matches(&matches) else { return Vec::new() };
    let Ok(Lowered::Run(run)) = lower(cli, &matches, &mut Vec::new()) else { return Vec::new() };
    let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
        return Vec::new();
    };
    let found = rt.block_on(async {
        tokio::time::timeout(BUDGET, crate::ops::names::matching(&run.settings, &prefix)).await
    });
    rt.shutdown_timeout(Duration::ZERO);
    match found {
        Ok(Ok(names)) => names.into_iter().map(CompletionCandidate::new).collect(),
        _ => Vec::new(),
    }
}
