//! Interrupts: SIGINT, SIGTERM and SIGHUP. Commands that run many actions
//! ask for a graceful stop: the first signal stops new actions (waits under
//! `--rps` and `--wait-lock` end at once) and lets in-flight ones finish; a
//! second one (or any signal in other commands) exits at once with 128 +
//! the signal's number. Every single step is crash-safe and every claim is
//! journaled with it (docs/DOMAIN.md §5), so an abrupt exit leaves nothing
//! unrepairable. `main` listens for the signals; this is the state.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use tokio::sync::Notify;

static GRACEFUL: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static QUIET: AtomicBool = AtomicBool::new(false);
/// The exit code the first signal asks for (130, 143, 129).
static CODE: AtomicU8 = AtomicU8::new(0);
static WAKE: Notify = Notify::const_new();

/// What a signal means now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Start nothing new, finish what is in flight.
    Graceful,
    /// Exit at once, with this code.
    Now(u8),
    /// Exit at once, successfully: the way out of a command that runs until
    /// interrupted (`events --follow`, `list --watch`).
    Done,
}

/// Signal number `signo` arrived.
pub fn request(signo: i32) -> Stop {
    let code = u8::try_from(128 + signo).unwrap_or(crate::core::error::EXIT_INTERRUPTED);
    if QUIET.load(Ordering::SeqCst) {
        Stop::Done
    } else if GRACEFUL.load(Ordering::SeqCst) && !INTERRUPTED.swap(true, Ordering::SeqCst) {
        CODE.store(code, Ordering::SeqCst);
        WAKE.notify_waiters();
        Stop::Graceful
    } else {
        Stop::Now(code)
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

/// The exit code of an interrupted run (`None`: not interrupted).
pub(crate) fn exit_status() -> Option<u8> {
    interrupted().then(|| CODE.load(Ordering::SeqCst))
}

/// Resolves once a graceful stop has been asked for: race any wait
/// against it so that the stop is seen within moments.
pub(crate) async fn stopped() {
    loop {
        let woken = WAKE.notified();
        futures::pin_mut!(woken);
        woken.as_mut().enable();
        if interrupted() {
            return;
        }
        woken.await;
    }
}
