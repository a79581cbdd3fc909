//! Interrupts. Commands that run many actions ask for a graceful stop: the
//! first Ctrl-C stops new actions and lets in-flight ones finish; a second
//! one (or any Ctrl-C in other commands) exits at once with 130. Every
//! single step is crash-safe (docs/DOMAIN.md §5), so an abrupt exit leaves
//! nothing unrepairable. `main` listens for the signal; this is the state.

use std::sync::atomic::{AtomicBool, Ordering};

static GRACEFUL: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static QUIET: AtomicBool = AtomicBool::new(false);

/// What a signal means now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Start nothing new, finish what is in flight.
    Graceful,
    /// Exit at once.
    Now,
    /// Exit at once, successfully: the way out of a command that runs until
    /// interrupted (`events --follow`, `list --watch`).
    Done,
}

/// A signal arrived.
pub fn request() -> Stop {
    if QUIET.load(Ordering::SeqCst) {
        Stop::Done
    } else if GRACEFUL.load(Ordering::SeqCst) && !INTERRUPTED.swap(true, Ordering::SeqCst) {
        Stop::Graceful
    } else {
        Stop::Now
    }
}

/// This command handles interrupts itself, through [`interrupted`].
pub(crate) fn graceful() {
    GRACEFUL.store(true, Ordering::SeqCst);
}

/// This command runs until interrupted: Ctrl-C ends it with exit 0.
pub(crate) fn until_interrupted() {
    QUIET.store(true, Ordering::SeqCst);
}

pub(crate) fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}
