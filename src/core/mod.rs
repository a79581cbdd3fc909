//! The pure core: the model, classification, planning, the guard rails and
//! the dry-run description. No I/O, no printing, no clock it wasn't given;
//! imports nothing else of the crate.

pub(crate) mod classify;
pub(crate) mod describe;
pub(crate) mod doctor;
pub(crate) mod error;
pub(crate) mod events;
pub(crate) mod guard;
pub(crate) mod history;
pub(crate) mod journal;
pub(crate) mod model;
pub(crate) mod plan;
pub(crate) mod plan_file;
pub(crate) mod prune;
pub(crate) mod records;
pub(crate) mod sql;
pub(crate) mod suggest;
pub(crate) mod timefmt;
pub(crate) mod watch;
