//! actorctl: find and repair the instance actors of a toygres-style control plane.
//!
//! The arrows run one way (README, Development): `core` is pure and imports
//! nothing else of the crate; `settings` imports only `core`; `io` and
//! `output` import only `core` and `settings`; `ops` imports `core`, `io`
//! and `settings`; `commands` import `ops` and `output`; only `main`, `cli`
//! and `lower` see clap. The library is crate-private except what `main`,
//! `tests/` and `examples/` need.
#![warn(unreachable_pub)]

pub mod cli;
pub(crate) mod commands;
pub mod complete;
pub(crate) mod core;
pub mod docs;
pub(crate) mod io;
pub(crate) mod lower;
pub(crate) mod ops;
pub(crate) mod output;
pub(crate) mod settings;

pub use crate::commands::config::run as run_config;
pub use crate::commands::dispatch;
pub use crate::core::error::{exit_code, scrub};
pub use crate::core::guard::Budget;
pub use crate::lower::{lower, Lowered};
pub use crate::ops::interrupt::{request as interrupt, Stop};
pub use crate::output::render::sanitize::clean as printable;
pub use crate::output::term::{ColorChoice, Term};
pub use crate::settings::{ConfigJob, Run};
