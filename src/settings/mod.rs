//! Plain settings: what every command needs to know, lowered once from
//! flags, environment and the config file (see `lower.rs`). Nothing here
//! sees clap.

pub(crate) mod connection;
pub(crate) mod contexts;
pub(crate) mod pgpass;
pub(crate) mod sys;

use anyhow::Result;
use std::path::PathBuf;
use std::time::Duration;

use crate::core::classify::Class;
use crate::core::guard::{Budget, Rails};
use crate::core::model::{BackendKind, Describe, Format, Limits, Verify};
use crate::core::plan::Request;
use crate::core::plan_file::{Fingerprint, PlanSettings};
use connection::Target;

/// Where the CMS and the store are, and the global knobs.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) cms: Target,
    pub(crate) store: Target,
    pub(crate) cms_schema: String,
    pub(crate) store_schema: String,
    pub(crate) actor_orchestration: String,
    pub(crate) statement_timeout: Duration,
    pub(crate) connect_timeout: Duration,
    /// Health checks or progress older than this count as stale.
    pub(crate) stale_after: Duration,
    /// The actor's loop interval.
    pub(crate) actor_interval: Duration,
    /// `creating`/`deleting` for longer than this is stuck.
    pub(crate) stuck_after: Duration,
    /// The disruption budget.
    pub(crate) max_unhealthy: Budget,
    /// Who acts, for the audit trail.
    pub(crate) operator: String,
    pub(crate) format: Format,
    /// Set when no database was configured anywhere: the three ways to
    /// configure one, for the error when the libpq defaults do not connect.
    pub(crate) unconfigured: Option<String>,
}

impl Settings {
    /// Every secret these settings hold, for last-resort scrubbing of output.
    pub(crate) fn secrets(&self) -> Vec<String> {
        [self.cms.password(), self.store.password(), std::env::var("ACTORCTL_API_TOKEN").ok()]
            .into_iter()
            .flatten()
            .filter(|s| s.len() >= 3)
            .collect()
    }

    /// What a plan file records of these settings, to be replayed only here.
    pub(crate) fn plan_settings(&self, backend: BackendKind) -> PlanSettings {
        let db = |t: &Target| {
            let c = t.pg_config();
            c.get_dbname().or(c.get_user()).unwrap_or("?").to_string()
        };
        PlanSettings {
            stale_after_secs: self.stale_after.as_secs(),
            backend: format!("{backend:?}").to_lowercase(),
            fleet: Fingerprint {
                cms_database: db(&self.cms),
                cms_schema: self.cms_schema.clone(),
                store_database: db(&self.store),
                store_schema: self.store_schema.clone(),
                actor_orchestration: self.actor_orchestration.clone(),
            },
        }
    }

    /// What a dry run needs to describe the steps of `action`.
    pub(crate) fn describe(&self, action: &ActionSettings) -> Describe {
        Describe {
            cms_schema: self.cms_schema.clone(),
            orchestration: self.actor_orchestration.clone(),
            verify_timeout: action.verify_timeout,
            backend: action.backend.kind,
        }
    }
}

/// A job with the settings it runs under (opaque outside the crate).
pub struct Run {
    pub(crate) settings: Settings,
    pub(crate) job: Job,
}

/// `config` subcommands: the config file only, no database.
pub enum ConfigJob {
    View,
    GetContexts,
    UseContext(String),
}

/// What one run of a command is to do.
#[derive(Debug)]
pub(crate) enum Job {
    List(ListJob),
    Show { name: String, force: bool },
    Repair(RepairJob),
    Recover(RecoverJob),
    Sweep(SweepJob),
    ResetFailed { names: Vec<String>, all: bool },
    Events(EventsJob),
    Doctor(DoctorJob),
    Prune(PruneJob),
}

/// `doctor`: where each setting came from, and the backend to check.
#[derive(Debug)]
pub(crate) struct DoctorJob {
    pub(crate) sources: Vec<crate::core::doctor::SettingSource>,
    pub(crate) backend: BackendSettings,
}

/// `events`: the audit trail.
#[derive(Debug)]
pub(crate) struct EventsJob {
    pub(crate) names: Vec<String>,
    pub(crate) query: crate::core::events::EventQuery,
    /// `--follow`, polling this often.
    pub(crate) follow: Option<Duration>,
}

/// Monitoring outputs of list and sweep.
#[derive(Debug, Clone)]
pub(crate) struct Monitor {
    /// Nagios plugin mode, with its WARNING and CRITICAL thresholds.
    pub(crate) check: Option<(usize, usize)>,
    pub(crate) textfile: Option<PathBuf>,
    /// With `check`: WARNING when an actor holds more executions than this.
    pub(crate) warn_executions_per_actor: u64,
}

#[derive(Debug)]
pub(crate) struct ListJob {
    /// The classes to show.
    pub(crate) classes: Vec<Class>,
    pub(crate) headers: bool,
    pub(crate) monitor: Monitor,
    /// Accept a low --stale-after.
    pub(crate) force: bool,
    /// `--watch`, refreshing this often.
    pub(crate) watch: Option<Duration>,
}

/// Settings shared by every command that changes actors.
#[derive(Debug, Clone)]
pub(crate) struct ActionSettings {
    pub(crate) reason: Option<String>,
    pub(crate) dry_run: bool,
    pub(crate) verify_timeout: Duration,
    /// What a start or restart must show to be done.
    pub(crate) verify: Verify,
    pub(crate) backend: BackendSettings,
}

/// How actions reach the actors; the API's token is read only when used.
#[derive(Debug, Clone)]
pub(crate) struct BackendSettings {
    pub(crate) kind: BackendKind,
    pub(crate) api_url: Option<String>,
    pub(crate) api_token_file: Option<PathBuf>,
    pub(crate) api_timeout: Duration,
    pub(crate) api_auth: ApiAuth,
    pub(crate) api_name_field: NameField,
}

/// What the operator named: an instance, or (cancel only) an actor id.
#[derive(Debug)]
pub(crate) enum RepairTarget {
    Instance(String),
    Actor(String),
}

/// start, restart, cancel.
#[derive(Debug)]
pub(crate) struct RepairJob {
    pub(crate) request: Request,
    pub(crate) target: RepairTarget,
    pub(crate) yes: bool,
    pub(crate) action: ActionSettings,
    /// `--force`: accept a low --stale-after (start: also restart a live actor).
    pub(crate) force: bool,
}

/// The limits every bulk run has.
#[derive(Debug, Clone)]
pub(crate) struct BulkSettings {
    pub(crate) min_age: Duration,
    pub(crate) limits: Limits,
    pub(crate) rails: Rails,
    pub(crate) quiet: bool,
}

#[derive(Debug)]
pub(crate) struct RecoverJob {
    pub(crate) names: Vec<String>,
    /// `--plan FILE`, read and checked against this fleet.
    pub(crate) plan: Option<crate::core::plan_file::PlanFile>,
    pub(crate) all: bool,
    pub(crate) classes: Vec<Class>,
    pub(crate) yes: bool,
    pub(crate) bulk: BulkSettings,
    pub(crate) action: ActionSettings,
}

#[derive(Debug)]
pub(crate) struct SweepJob {
    pub(crate) wait_lock: Duration,
    pub(crate) restart_burst: i64,
    pub(crate) restart_window: Duration,
    pub(crate) bulk: BulkSettings,
    pub(crate) monitor: Monitor,
    pub(crate) action: ActionSettings,
    /// `--prune`: after the repairs, under the sweep's lock.
    pub(crate) prune: Option<SweepPrune>,
}

/// `sweep --prune`: what to keep, and at most how many executions to delete.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SweepPrune {
    pub(crate) policy: crate::core::prune::Policy,
    pub(crate) budget: u64,
}

/// `prune`: the store's growth, and the earlier executions of actors deleted.
#[derive(Debug)]
pub(crate) struct PruneJob {
    /// Instances whose actors to prune; empty: every actor (`--all`, or a dry run).
    pub(crate) names: Vec<String>,
    pub(crate) policy: crate::core::prune::Policy,
    pub(crate) pace: crate::core::prune::Pace,
    pub(crate) dry_run: bool,
    /// Count history rows even on a large store.
    pub(crate) exact: bool,
    pub(crate) yes: bool,
    pub(crate) quiet: bool,
    /// `--check`: the Nagios line, WARNING above this many executions per actor.
    pub(crate) check: Option<u64>,
}

/// A secret string: shows as `***` in Display and Debug.
#[derive(Clone)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// The control plane's HTTP API, for `--backend http`.
#[derive(Debug, Clone)]
pub(crate) struct ApiSettings {
    pub(crate) url: url::Url,
    pub(crate) token: Option<Secret>,
    /// Where the token came from, to name it in errors (never the token).
    pub(crate) token_source: String,
    pub(crate) timeout: Duration,
    /// How the secret is presented.
    pub(crate) auth: ApiAuth,
    /// The `instances` column whose value names the instance in the API's
    /// paths (toygres: `dns_name`).
    pub(crate) name_field: NameField,
}

/// How the API secret is presented: `Authorization: Bearer <token>`, or a
/// session cookie `<name>=<value>` (toygres's server: `toygres_session`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ApiAuth {
    Bearer,
    Cookie { name: String },
}

/// The `instances` column the API's paths use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // the variants are the columns' names
pub(crate) enum NameField {
    DnsName,
    K8sName,
    UserName,
}

impl NameField {
    pub(crate) fn column(self) -> &'static str {
        match self {
            NameField::DnsName => "dns_name",
            NameField::K8sName => "k8s_name",
            NameField::UserName => "user_name",
        }
    }
}

impl ApiSettings {
    /// The token comes from ACTORCTL_API_TOKEN or a file, never from a flag
    /// value (which would show in `ps` and shell history).
    pub(crate) fn resolve(b: &BackendSettings) -> Result<ApiSettings> {
        use crate::core::error::usage;
        let (url, token_file, timeout) = (b.api_url.as_deref(), b.api_token_file.as_deref(), b.api_timeout);
        let raw = url.ok_or_else(|| usage("--backend http needs --api-url (or ACTORCTL_API_URL)"))?;
        let url = url::Url::parse(raw)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| usage(format!("--api-url '{raw}' is not an http(s) URL")))?;
        let (token, token_source) = if let Some(path) = token_file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| usage(format!("cannot read --api-token-file {}: {e}", path.display())))?;
            (Some(Secret(text.trim().to_string())), format!("--api-token-file {}", path.display()))
        } else if let Some(t) = std::env::var("ACTORCTL_API_TOKEN").ok().filter(|t| !t.is_empty()) {
            (Some(Secret(t)), "ACTORCTL_API_TOKEN".to_string())
        } else {
            (None, "nowhere (set ACTORCTL_API_TOKEN or --api-token-file)".to_string())
        };
        Ok(ApiSettings {
            url,
            token,
            token_source,
            timeout,
            auth: b.api_auth.clone(),
            name_field: b.api_name_field,
        })
    }
}
