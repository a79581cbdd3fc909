//! Pure functions from results to text: no I/O, colour passed in.

pub(crate) mod actors;
pub(crate) mod doctor;
pub(crate) mod events;
pub(crate) mod monitor;
pub(crate) mod plan_file;
pub(crate) mod prune;
pub(crate) mod results;
pub(crate) mod sanitize;
pub(crate) mod show;
pub(crate) mod sweep;
pub(crate) mod watch;

#[cfg(test)]
mod hostile;
