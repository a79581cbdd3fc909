//! Renderers and the one writer of stdout. Data goes to stdout; summaries,
//! warnings and logs to stderr. Colour only on a TTY without NO_COLOR.

pub mod actors;
pub mod monitor;
pub mod progress;
pub mod prune; // issue 15
pub mod results;
pub mod show;

use std::io::{IsTerminal, Write};

/// Write data to stdout. A closed pipe (`actorctl list | head`) is not an
/// error: the error is returned and `main` exits quietly.
pub fn emit(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// A line for the operator on stderr (not data).
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

pub fn stdout_is_tty() -> bool {
    std::io::stdout().is_terminal()
}

pub fn color_enabled() -> bool {
    stdout_is_tty() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn stderr_color_enabled() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
