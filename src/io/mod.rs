//! The edge that talks to databases and the control plane: the CMS (a few
//! queries, the claim once), the orchestration store (snapshot, ledger,
//! the duroxide client, the HTTP API) and connecting.

pub(crate) mod cms;
pub(crate) mod db;
pub(crate) mod doctor;
pub(crate) mod events;
pub(crate) mod names;
pub(crate) mod store;
