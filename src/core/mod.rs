//! The pure core: no I/O, no clock it was not given.

pub mod prune;
