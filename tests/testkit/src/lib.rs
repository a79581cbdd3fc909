//! The real test world of actorctl (no mocks): a throwaway PostgreSQL, the
//! toygres CMS schema in both shapes, and a fleet of real duroxide instance
//! actors on the duroxide-pg provider whose health checks really connect to a
//! database and really write to the CMS.

pub mod cluster;
pub mod fleet;
pub mod http;
pub mod old_store;
pub mod pgbouncer;
pub mod sandbox;
pub mod scale;
pub mod seed;
pub mod toygres;

pub use cluster::{cluster, Cluster};
pub use fleet::{Fleet, FleetOptions, Shape, ACTOR_ORCHESTRATION, COUNTER_EXECUTIONS, COUNTER_ORCHESTRATION};
