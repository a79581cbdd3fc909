//! The imperative shell around the core: open a session, carry out the
//! repair protocol, run the one repair pipeline, sweep.

pub(crate) mod doctor;
pub(crate) mod events;
pub(crate) mod execute;
pub(crate) mod faults;
pub(crate) mod interrupt;
pub(crate) mod names;
pub(crate) mod prune;
pub(crate) mod reconcile;
pub(crate) mod repair;
pub(crate) mod reset;
pub(crate) mod session;
pub(crate) mod show;
pub(crate) mod sweep;
pub(crate) mod watch;
