//! Ctrl-C. Commands that run many actions ask for a graceful stop: the first
//! Ctrl-C stops new actions and lets in-flight ones finish; a second one (or
//! any Ctrl-C in other commands) exits at once with 130. Every single step is
//! crash-safe (DOMAIN.md §5), so an abrupt exit leaves nothing unrepairable.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::EXIT_INTERRUPTED;

static GRACEFUL: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Listen for Ctrl-C (and SIGTERM, issue 15) for the rest of the process
/// (inside a tokio runtime).
pub fn install() {
    tokio::spawn(async {
        while tokio::signal::ctrl_c().await.is_ok() {
            on_signal();
        }
    });
    tokio::spawn(async {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            while term.recv().await.is_some() {
                on_signal();
            }
        }
    });
}

fn on_signal() {
    if GRACEFUL.load(Ordering::SeqCst) && !INTERRUPTED.swap(true, Ordering::SeqCst) {
        crate::output::note(
            "actorctl: interrupted: starting no new actions, finishing those in flight (Ctrl-C again to abort)",
        );
    } else {
        crate::output::note("actorctl: interrupted");
        std::process::exit(EXIT_INTERRUPTED.into());
    }
}

/// This command handles Ctrl-C itself, through [`interrupted`].
pub fn graceful() {
    GRACEFUL.store(true, Ordering::SeqCst);
}

pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}
