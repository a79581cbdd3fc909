//! The one writer of the terminal. Data goes to stdout; summaries, warnings,
//! prompts and progress to stderr. Colour is decided once, from `--color`,
//! `NO_COLOR` and whether each stream is a terminal.

use anyhow::Result;
use std::io::{IsTerminal, Write};

use crate::core::error::usage;
use crate::output::progress::Progress;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub struct Term {
    out_tty: bool,
    out_color: bool,
    err_color: bool,
    stdin_tty: bool,
    stderr_tty: bool,
}

impl Term {
    pub fn new(choice: ColorChoice) -> Term {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |tty: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        Term {
            out_tty: std::io::stdout().is_terminal(),
            out_color: decide(std::io::stdout().is_terminal()),
            err_color: decide(std::io::stderr().is_terminal()),
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }

    /// Colour in what goes to stdout.
    pub(crate) fn color(&self) -> bool {
        self.out_color
    }

    /// stdout is a terminal (`list --watch` redraws in place there).
    pub(crate) fn stdout_tty(&self) -> bool {
        self.out_tty
    }

    /// Colour in what goes to stderr (logs included).
    pub fn stderr_color(&self) -> bool {
        self.err_color
    }

    /// Write data to stdout. A closed pipe (`actorctl list | head`) is not an
    /// error: the error is returned and `main` exits quietly.
    pub(crate) fn emit(&self, text: &str) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.is_empty() && !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// A line for the operator on stderr (not data).
    pub(crate) fn note(&self, text: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    /// Without a terminal there is no one to ask: refuse, naming `--yes`.
    pub(crate) fn ensure_can_prompt(&self, why: &str) -> Result<()> {
        if self.stdin_tty {
            Ok(())
        } else {
            Err(usage(format!("{why} and needs confirmation: stdin is not a terminal, so pass --yes")))
        }
    }

    /// "Proceed?" on the terminal, defaulting to no.
    pub(crate) fn proceed(&self) -> Result<bool> {
        dialoguer::Confirm::new()
            .with_prompt("Proceed?")
            .default(false)
            .interact()
            .map_err(|e| usage(format!("cannot ask for confirmation ({e}); pass --yes")))
    }

    /// Progress of a bulk run: a bar on a terminal, else a line every few
    /// seconds, nothing under `quiet`.
    pub(crate) fn progress(&self, total: usize, quiet: bool) -> Progress {
        Progress::new(total, quiet, self.stderr_tty)
    }
}
