//! The one writer of the terminal. Data goes to stdout; summaries, warnings,
//! prompts and progress to stderr. Colour is decided once, from `--color`,
//! `NO_COLOR` and whether each stream is a terminal.

use anyhow::Result;
use std::io::{IsTerminal, Write};

use super::render::sanitize::escape_invisible;
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
    /// Columns of the terminal on stdout; `None` when stdout is not one.
    width: Option<usize>,
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
        let stdout_tty = std::io::stdout().is_terminal();
        Term {
            width: stdout_tty.then(terminal_width).flatten(),
            out_tty: std::io::stdout().is_terminal(),
            out_color: decide(std::io::stdout().is_terminal()),
            err_color: decide(std::io::stderr().is_terminal()),
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }

    /// Columns of the terminal on stdout, for tables that must not wrap.
    pub(crate) fn width(&self) -> Option<usize> {
        self.width
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

    /// Write data to stdout. A closed pipe (`actorctl list | head -1`) is
    /// not an error, and does not change the command's verdict: the rest of
    /// the output is dropped and the exit code is what the command found.
    pub(crate) fn emit(&self, text: &str) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        let text = escape_invisible(text);
        let written = out.write_all(text.as_bytes()).and_then(|_| {
            if !text.is_empty() && !text.ends_with('\n') {
                out.write_all(b"\n")?;
            }
            out.flush()
        });
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }

    /// Write data to stdout as it is produced (a fleet's JSON, row by row),
    /// through a buffer, escaped like [`Term::emit`]; a closed pipe is not
    /// an error either.
    pub(crate) fn emit_stream(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let out = std::io::stdout().lock();
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, Escaping::new(out));
        let written = write(&mut w).and_then(|_| w.flush());
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
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

/// `COLUMNS`, else the size the kernel reports for stdout.
fn terminal_width() -> Option<usize> {
    if let Some(c) = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<usize>().ok()).filter(|c| *c > 0) {
        return Some(c);
    }
    // SAFETY: TIOCGWINSZ fills a winsize struct we own; a failing ioctl
    // leaves it zeroed, which counts as unknown.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    (ok && ws.ws_col > 0).then_some(usize::from(ws.ws_col))
}

/// [`escape_invisible`] on a stream, behind the buffer: it sees 64 KiB at a
/// time, and keeps a character cut at a chunk's end for the next one.
struct Escaping<W: Write> {
    out: W,
    carry: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    fn new(out: W) -> Self {
        Escaping { out, carry: Vec::new() }
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let joined;
        let bytes = if self.carry.is_empty() {
            buf
        } else {
            joined = [std::mem::take(&mut self.carry).as_slice(), buf].concat();
            &joined[..]
        };
        let (text, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            // A character cut at the end: keep its bytes for the next chunk.
            Err(e) if e.error_len().is_none() => {
                let (ok, rest) = bytes.split_at(e.valid_up_to());
                (std::str::from_utf8(ok).unwrap_or_default(), rest)
            }
            // Not UTF-8 at all: written as it is.
            Err(_) => {
                self.out.write_all(bytes)?;
                return Ok(buf.len());
            }
        };
        self.out.write_all(escape_invisible(text).as_bytes())?;
        self.carry.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.carry.is_empty() {
            let rest = std::mem::take(&mut self.carry);
            self.out.write_all(&rest)?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_escaped_even_where_a_chunk_cuts_a_character() {
        let text = "ok \u{202e}evil\u{202c} é".as_bytes();
        let cut = text.iter().position(|b| *b == 0xe2).unwrap() + 1;
        let mut w = Escaping::new(Vec::new());
        w.write_all(&text[..cut]).unwrap();
        w.write_all(&text[cut..]).unwrap();
        w.flush().unwrap();
        assert_eq!(String::from_utf8(w.out).unwrap(), "ok \\u202eevil\\u202c é");
    }
}
