//! actorctl: find and repair the instance actors of a toygres-style control plane.
//!
//! The pure core ([`classify`]) turns facts into classes; everything that talks
//! to a database ([`cms`], [`store`]) or a terminal ([`output`]) is at the edge.

pub mod classify;
pub mod cli;
pub mod cms;
pub mod commands;
pub mod config;
pub mod contexts;
pub mod core; // prune (issue 15); the restructuring (issue 9) moves more here
pub mod db;
pub mod docs;
pub mod error;
pub mod execute;
pub mod interrupt;
pub mod output;
pub mod pgpass;
pub mod plan;
pub mod store;
pub mod sys;
pub mod timefmt;
