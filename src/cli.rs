//! Every clap definition, and nothing else.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::time::Duration;

use crate::core::guard::Budget;
use crate::core::timefmt::parse_duration;

fn parse_budget(s: &str) -> Result<Budget, String> {
    Budget::parse(s)
}

const EXIT_CODES: &str = "\
Exit codes:
  0    success; for list: nothing unhealthy
  1    the command ran, and something is unhealthy or some action failed
  2    usage error: bad flag, bad value, unknown instance name
  3    cannot reach or use a backend (database down, auth, schema mismatch)
  130  interrupted";

/// Find and repair the instance actors of a toygres control plane.
///
/// actorctl reads the control plane's CMS database and its duroxide
/// orchestration store, classifies every instance actor (healthy, stale,
/// zombie, missing, dead, orphan) and shows the evidence.
#[derive(Debug, Parser)]
#[command(name = "actorctl", version, after_help = EXIT_CODES, max_term_width = 100, arg_required_else_help = true)]
pub struct Cli {
    #[command(flatten)]
    pub connect: ConnectOpts,

    /// Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]
    #[arg(
        long,
        env = "ACTORCTL_CONFIG",
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub config: Option<std::path::PathBuf>,

    /// Context of the config file to use instead of its current context.
    #[arg(
        long,
        env = "ACTORCTL_CONTEXT",
        global = true,
        value_name = "NAME",
        help_heading = "Global options"
    )]
    pub context: Option<String>,

    /// More logging on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = "Global options")]
    pub verbose: u8,

    #[command(flatten)]
    pub common: CommonOpts,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List instance actors, classified, with the evidence for each.
    ///
    /// Reads the whole fleet in a constant number of queries (one on the CMS,
    /// one on the store), whatever its size.
    #[command(after_help = EXIT_CODES)]
    List(ListArgs),
    /// Show one instance: its actor, class, evidence, health checks, events
    /// and the store's view of the actor.
    #[command(after_help = EXIT_CODES)]
    Show(ShowArgs),
    /// Give an instance whose actor is missing or dead a new actor.
    ///
    /// On a healthy, stale or zombie actor it does nothing and says so,
    /// unless --force, which makes it a restart.
    #[command(after_help = EXIT_CODES)]
    Start(StartArgs),
    /// Replace an instance's actor: claim, start a new one, cancel the old,
    /// verify, audit.
    #[command(after_help = EXIT_CODES)]
    Restart(RestartArgs),
    /// Cancel an instance's actor and clear its actor id (the instance is
    /// then unmonitored), or cancel an orphaned actor with --actor.
    #[command(after_help = EXIT_CODES)]
    Cancel(CancelArgs),
    /// Repair many actors: select, preview, confirm, run with limits and
    /// progress, report every actor.
    ///
    /// Stale and zombie actors are restarted, missing and dead ones started,
    /// orphans cancelled, each through the same claim/act/verify/audit
    /// protocol as the single-actor commands.
    #[command(after_help = EXIT_CODES)]
    Recover(RecoverArgs),
    /// Unattended repair, for cron on many nodes: one sweeper at a time
    /// (advisory lock), a crash-loop budget, monitoring outputs.
    ///
    /// Like `recover --all --yes` with unattended defaults: never prompts,
    /// --max 50 (the whole sweep aborts when exceeded), --min-age 2m,
    /// refuses while the workers are down.
    #[command(after_help = EXIT_CODES)]
    Sweep(SweepArgs),
    /// Clear the crash-loop quarantine of instances, so sweeps repair them again.
    #[command(after_help = EXIT_CODES)]
    ResetFailed(ResetFailedArgs),
    /// The audit trail: every action actorctl took on actors, fleet-wide or
    /// per instance, oldest first.
    ///
    /// Reads only instance_events, so the read-only role can run it. With
    /// --follow, keeps printing new rows as they land until Ctrl-C (exit 0).
    #[command(after_help = EXIT_CODES)]
    Events(EventsArgs),
    /// Check everything actorctl relies on, one line each (ok, warn, fail)
    /// with a hint: where every setting came from, the connections, the
    /// CMS shape, the store ledger, the role's privileges, a pooler in
    /// front, the workers, clock skew.
    ///
    /// Exit 0 when every check passes, 1 on warnings, 3 when a backend is
    /// unusable.
    Doctor(DoctorArgs),
    /// Show the store's growth, and delete the earlier executions of actors.
    ///
    /// Every turn of an instance actor continues-as-new: one execution with
    /// its history rows per loop, kept forever unless pruned. `--dry-run`
    /// shows the counts, sizes, growth and what a prune would delete. A
    /// prune deletes, through duroxide, the executions of actor-orchestration
    /// instances only, never the current one, keeping the last --keep-last.
    #[command(after_help = EXIT_CODES)]
    Prune(PruneArgs),
    /// Show and switch the contexts of the config file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Instances to repair (user_name or k8s_name), with their orphans.
    pub names: Vec<String>,
    /// Carry out a reviewed plan (`recover … --dry-run -o json > FILE`), each
    /// action re-checked against a fresh classification (a changed item is
    /// skipped); or retry the failed and unverified items of a results file
    /// (`-o json` of recover or sweep). Refused for another fleet.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["names", "all", "stale", "zombie", "missing", "dead", "orphaned"])]
    pub plan: Option<std::path::PathBuf>,
    /// Every repairable actor: stale, zombie, missing, dead, orphaned.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub classes: ClassOpts,
    /// Do not ask for confirmation (required when stdin is not a terminal).
    #[arg(short, long)]
    pub yes: bool,
    /// Abort, touching nothing, when the plan has more actions than this.
    #[arg(long, value_name = "N")]
    pub max: Option<usize>,
    /// Act even when the workers are down or a fleet-wide cause is diagnosed
    /// (restarts then fix nothing); also accepts a low --stale-after.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub bulk: BulkOpts,
    /// No progress output; the report only.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub action: ActionOpts,
    #[command(flatten)]
    pub backend: BackendOpts,
}

/// Limits of a bulk run (recover, sweep).
#[derive(Debug, Args, Clone)]
pub struct BulkOpts {
    /// Leave alone instances created, or actors started, less than this ago.
    #[arg(long, default_value = "2m", value_parser = parse_duration, allow_hyphen_values = true)]
    pub min_age: Duration,
    /// Actions in flight at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// Start at most this many actions per second.
    #[arg(long, value_parser = parse_rps, allow_hyphen_values = true)]
    pub rps: Option<f64>,
}

#[derive(Debug, Args)]
pub struct SweepArgs {
    /// Abort the whole sweep, touching nothing, when the plan has more
    /// actions than this.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub max: usize,
    /// Act even when the workers are down or a fleet-wide cause is diagnosed;
    /// also accepts a low --stale-after.
    #[arg(long)]
    pub force: bool,
    /// Wait this long for another sweep's lock instead of exiting at once.
    #[arg(long, default_value = "0s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub wait_lock: Duration,
    /// Quarantine an instance restarted or started this many times ...
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(i64).range(1..))]
    pub restart_burst: i64,
    /// ... within this window.
    #[arg(long, default_value = "1h", value_parser = parse_duration, allow_hyphen_values = true)]
    pub restart_window: Duration,
    #[command(flatten)]
    pub bulk: BulkOpts,
    #[command(flatten)]
    pub prune: SweepPruneOpts,
    /// Print nothing unless something failed or is quarantined (for cron mail).
    #[arg(short, long)]
    pub quiet: bool,
    /// Accepted for habits from `recover`: a sweep never prompts.
    #[arg(short, long)]
    pub yes: bool,
    #[command(flatten)]
    pub monitor: MonitorOpts,
    #[command(flatten)]
    pub action: ActionOpts,
    #[command(flatten)]
    pub backend: BackendOpts,
}

#[derive(Debug, Args)]
pub struct ResetFailedArgs {
    /// Instances (user_name or k8s_name) whose quarantine to clear.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub names: Vec<String>,
    /// Clear every quarantine.
    #[arg(long)]
    pub all: bool,
}

fn parse_rps(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
        _ => Err(format!("'{s}' is not a positive number of actions per second")),
    }
}

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Instance name (user_name) or k8s_name.
    pub name: String,
    /// Restart the actor even if it is healthy, stale or zombie (also accepts a
    /// --stale-after below twice --actor-interval).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub action: ActionOpts,
    #[command(flatten)]
    pub backend: BackendOpts,
}

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Instance name (user_name) or k8s_name.
    pub name: String,
    /// Accept a --stale-after below twice --actor-interval (it calls healthy actors stale).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub action: ActionOpts,
    #[command(flatten)]
    pub backend: BackendOpts,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// Instance name (user_name) or k8s_name.
    #[arg(required_unless_present = "actor", conflicts_with = "actor")]
    pub name: Option<String>,
    /// Cancel this actor id instead: an orphan that no instance points to.
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
    /// Accept a --stale-after below twice --actor-interval (it calls healthy actors stale).
    #[arg(long)]
    pub force: bool,
    /// Do not ask for confirmation (required when stdin is not a terminal).
    #[arg(short, long)]
    pub yes: bool,
    #[command(flatten)]
    pub action: ActionOpts,
    #[command(flatten)]
    pub backend: BackendOpts,
}

/// Flags shared by every command that changes an actor.
#[derive(Debug, Args, Clone)]
pub struct ActionOpts {
    /// Why, recorded in the audit trail (default: names the command).
    #[arg(long)]
    pub reason: Option<String>,
    /// Print the exact steps that would be taken; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How long to wait for the store to show the result before reporting
    /// it unverified.
    #[arg(long, default_value = "30s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub verify_timeout: Duration,
    /// What a start or restart must show to be done: healthy (the new actor
    /// is Running and has recorded a health check since it started) or
    /// running (Running only, for fleets whose health checks are slow).
    #[arg(long, value_enum, default_value_t = VerifyKind::Healthy)]
    pub verify: VerifyKind,
}

/// How actions reach the actors.
#[derive(Debug, Args, Clone)]
pub struct BackendOpts {
    /// duroxide: the orchestration client on the store (default); http: the
    /// control plane's API (it claims and audits; actorctl verifies).
    #[arg(long, env = "ACTORCTL_BACKEND", value_enum, default_value_t = BackendKind::Duroxide)]
    pub backend: BackendKind,
    /// Base URL of the control plane API, for --backend http.
    #[arg(long, env = "ACTORCTL_API_URL")]
    pub api_url: Option<String>,
    /// File holding the API bearer token (else ACTORCTL_API_TOKEN). Never
    /// given as a flag value.
    #[arg(long, value_name = "PATH")]
    pub api_token_file: Option<std::path::PathBuf>,
    /// Timeout of one API request.
    #[arg(long, default_value = "30s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub api_timeout: Duration,
    /// How the secret is sent: bearer (Authorization header) or cookie (a
    /// session cookie, as toygres's server expects).
    #[arg(long, value_enum, default_value_t = ApiAuthKind::Bearer)]
    pub api_auth: ApiAuthKind,
    /// Name of the session cookie, for --api-auth cookie.
    #[arg(long, default_value = "toygres_session", value_name = "NAME")]
    pub api_cookie_name: String,
    /// The instances column that names an instance in API paths (toygres's
    /// API uses dns_name).
    #[arg(long, value_enum, default_value_t = ApiNameField::DnsName)]
    pub api_name_field: ApiNameField,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApiAuthKind {
    Bearer,
    Cookie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApiNameField {
    #[value(name = "dns_name")]
    DnsName,
    #[value(name = "k8s_name")]
    K8sName,
    #[value(name = "user_name")]
    UserName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendKind {
    Duroxide,
    Http,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyKind {
    Healthy,
    Running,
}

/// Where the CMS database and the orchestration store are.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Connection")]
pub struct ConnectOpts {
    /// CMS database URL (postgres://user@host:port/db?sslmode=...). Without
    /// it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD,
    /// PGDATABASE and PGSSLMODE are used.
    #[arg(long, env = "ACTORCTL_DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// Orchestration store database URL, when not the CMS database.
    #[arg(long, env = "ACTORCTL_DUROXIDE_URL", global = true, hide_env_values = true)]
    pub duroxide_url: Option<String>,

    /// Schema of the control plane's tables.
    #[arg(long, env = "ACTORCTL_CMS_SCHEMA", global = true, default_value = "toygres_cms", value_parser = parse_ident)]
    pub cms_schema: String,

    /// Schema of the duroxide-pg orchestration store.
    #[arg(long, env = "ACTORCTL_DUROXIDE_SCHEMA", global = true, default_value = "toygres_duroxide", value_parser = parse_ident)]
    pub duroxide_schema: String,

    /// Orchestration name of the instance actor.
    #[arg(
        long,
        env = "ACTORCTL_ACTOR_ORCHESTRATION",
        global = true,
        default_value = "toygres-orchestrations::orchestration::instance-actor"
    )]
    pub actor_orchestration: String,

    /// Give up connecting after this long.
    #[arg(long, global = true, default_value = "10s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub connect_timeout: Duration,

    /// Cancel any single query that runs longer than this.
    #[arg(long, global = true, default_value = "30s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub statement_timeout: Duration,
}

/// The class filters shared by `list` and `recover` (combinable).
#[derive(Debug, Args, Clone)]
pub struct ClassOpts {
    /// Stale actors (running, progressing, not recording health).
    #[arg(long)]
    pub stale: bool,
    /// Zombie actors (Running in the store, but nothing will wake them).
    #[arg(long)]
    pub zombie: bool,
    /// Instances with no actor, or whose actor the store does not know.
    #[arg(long)]
    pub missing: bool,
    /// Instances whose actor finished (Completed, Failed, cancelled).
    #[arg(long)]
    pub dead: bool,
    /// Running actors that no running instance points to.
    #[arg(long)]
    pub orphaned: bool,
    /// Instances creating or deleting for longer than --stuck-after.
    #[arg(long)]
    pub stuck: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub classes: ClassOpts,
    /// Every class except healthy.
    #[arg(long)]
    pub unhealthy: bool,
    /// Omit the table header.
    #[arg(long)]
    pub no_headers: bool,
    /// Accept a --stale-after below twice --actor-interval (it calls healthy actors stale).
    #[arg(long)]
    pub force: bool,
    /// Keep watching until Ctrl-C (exit 0): on a terminal, redraw the table
    /// every --interval, changes marked; otherwise (and with -o jsonl) one
    /// JSON line per class change, every row at the first refresh.
    #[arg(short, long, conflicts_with_all = ["check", "textfile"])]
    pub watch: bool,
    /// How often --watch refreshes (one fleet read each).
    #[arg(long, default_value = "5s", value_parser = parse_duration, requires = "watch")]
    pub interval: Duration,

    #[command(flatten)]
    pub monitor: MonitorOpts,
}

/// Monitoring outputs.
#[derive(Debug, Args, Clone)]
pub struct MonitorOpts {
    /// Nagios/Icinga plugin mode: one status line on stdout and the plugin's
    /// exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is
    /// CRITICAL; an unreachable database is UNKNOWN.
    #[arg(long)]
    pub check: bool,
    /// With --check: WARNING from this many unhealthy actors.
    #[arg(long, default_value_t = 1, value_name = "N", requires = "check")]
    pub warn: usize,
    /// With --check: CRITICAL from this many unhealthy actors.
    #[arg(long, default_value_t = 10, value_name = "N", requires = "check")]
    pub crit: usize,
    /// With --check: WARNING when an actor holds more than N executions
    /// (the store grows; see `actorctl prune`).
    #[arg(long, default_value_t = 1000, value_name = "N", requires = "check")]
    pub warn_executions_per_actor: u64,
    /// Also write the metrics in Prometheus node_exporter textfile format to
    /// PATH (atomically: a temp file, then rename).
    #[arg(long, value_name = "PATH")]
    pub textfile: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[command(flatten)]
    pub backend: BackendOpts,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Instances (user_name or k8s_name); none: the whole fleet.
    pub names: Vec<String>,
    /// Only events newer than this.
    #[arg(long, default_value = "24h", value_parser = parse_duration, allow_hyphen_values = true)]
    pub since: Duration,
    /// Only this event (repeatable): claimed, started, restarted, cancelled,
    /// quarantined, quarantine-cleared, held, or a raw event_type such as
    /// state_change. Default: every actor event.
    #[arg(long = "type", value_name = "EVENT")]
    pub types: Vec<String>,
    /// Only the events of this run id.
    #[arg(long, value_name = "ID")]
    pub run: Option<String>,
    /// Keep printing new events as they land (polls by id); Ctrl-C exits 0.
    #[arg(short, long)]
    pub follow: bool,
    /// How often --follow polls.
    #[arg(long, default_value = "1s", value_parser = parse_duration, requires = "follow")]
    pub poll: Duration,
    /// Show the newest this many events.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(i64).range(1..))]
    pub limit: i64,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Instance name (user_name) or k8s_name.
    pub name: String,
    /// Accept a --stale-after below twice --actor-interval (it calls healthy actors stale).
    #[arg(long)]
    pub force: bool,
}

/// Options every subcommand takes.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct CommonOpts {
    /// Output format: table (text), wide, json or jsonl; each command
    /// renders what it supports.
    #[arg(short, long, global = true, value_enum, default_value_t = Format::Table)]
    pub output: Format,

    /// The instance actor's loop interval: --stale-after must be at least twice
    /// this, and the workers are down once due work is older than twice this.
    #[arg(long, global = true, env = "ACTORCTL_ACTOR_INTERVAL", default_value = "30s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub actor_interval: Duration,

    /// An instance `creating` or `deleting` for longer than this is stuck
    /// (its lifecycle orchestration failed): listed, never repaired.
    #[arg(long, global = true, env = "ACTORCTL_STUCK_AFTER", default_value = "30m", value_parser = parse_duration, allow_hyphen_values = true)]
    pub stuck_after: Duration,

    /// Health checks or progress older than this count as stale.
    #[arg(long, global = true, env = "ACTORCTL_STALE_AFTER", default_value = "5m", value_parser = parse_duration, allow_hyphen_values = true)]
    pub stale_after: Duration,

    /// The disruption budget: more unhealthy instances than this at once (a
    /// share like 50% or a count like 200, in a fleet of at least 10) is a
    /// fleet-wide cause; recover and sweep then refuse unless --force.
    #[arg(long, global = true, env = "ACTORCTL_MAX_UNHEALTHY", default_value = "50%", value_parser = parse_budget)]
    pub max_unhealthy: Budget,

    /// Who, recorded in the audit trail (default: $USER@hostname).
    #[arg(long, global = true, env = "ACTORCTL_OPERATOR")]
    pub operator: Option<String>,

    /// When to colour tables and logs: auto (a terminal without NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[value(alias = "text")]
    Table,
    Wide,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Schema names are interpolated into SQL, so only plain identifiers pass.
pub fn parse_ident(s: &str) -> Result<String, String> {
    let ok = s.chars().next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && s.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
        && s.len() <= 63;
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!("'{s}' is not a plain schema name ([A-Za-z_][A-Za-z0-9_]*)"))
    }
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file, secrets redacted.
    View,
    /// List the contexts; the current one is marked.
    GetContexts,
    /// Make a context the current one.
    UseContext {
        /// The context's name.
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Instances (user_name or k8s_name) whose actors to prune: the current
    /// actor and earlier ones (`actor-<k8s_name>[-<8 hex>]`).
    #[arg(conflicts_with = "all")]
    pub names: Vec<String>,
    /// Every actor of the actor orchestration (--actor-orchestration).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub policy: PrunePolicyOpts,
    /// Actors per duroxide call, and at most 100,000 executions per call
    /// (each actor is pruned atomically).
    #[arg(long, default_value_t = 500, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub batch: u32,
    /// Start at most this many calls (batches) per second.
    #[arg(long, value_parser = parse_rps)]
    pub rps: Option<f64>,
    /// Stop, between batches, after this long.
    #[arg(long, value_parser = parse_duration, allow_hyphen_values = true)]
    pub max_duration: Option<Duration>,
    /// Show the store's growth and what a prune would delete; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Count history rows even on a large store (a full scan of the history
    /// table); otherwise above 1M rows they are estimated, and labelled so.
    #[arg(long)]
    pub exact: bool,
    /// Do not ask for confirmation (required when stdin is not a terminal).
    #[arg(short, long)]
    pub yes: bool,
    /// No progress output; the report only.
    #[arg(short, long)]
    pub quiet: bool,
    /// Nagios/Icinga plugin mode for the store's growth (changes nothing):
    /// 0 OK, 1 WARNING above --warn-executions-per-actor, 3 UNKNOWN.
    #[arg(long, conflicts_with = "dry_run")]
    pub check: bool,
    /// With --check: WARNING when an actor holds more than N executions.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub warn_executions_per_actor: u64,
}

/// What a prune keeps.
#[derive(Debug, Args, Clone)]
pub struct PrunePolicyOpts {
    /// Earlier executions to keep per actor, besides the current one
    /// (0: only the current one).
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub keep_last: u32,
    /// Delete only executions that completed longer ago than this (an
    /// execution completes when its successor starts).
    #[arg(long, default_value = "1h", value_parser = parse_duration, allow_hyphen_values = true)]
    pub older_than: Duration,
}

/// `sweep --prune`: keep the store bounded from cron.
#[derive(Debug, Args, Clone)]
pub struct SweepPruneOpts {
    /// After the repairs, prune the actors' earlier executions (under the sweep's lock).
    #[arg(long)]
    pub prune: bool,
    /// With --prune: delete at most about this many executions per sweep
    /// (checked between actors).
    #[arg(long, default_value_t = 50_000, value_name = "N", requires = "prune")]
    pub prune_budget: u64,
    /// With --prune: earlier executions to keep per actor, besides the current one.
    #[arg(long, default_value_t = 10, value_name = "N", requires = "prune")]
    pub prune_keep_last: u32,
    /// With --prune: delete only executions that completed longer ago than this.
    #[arg(long, default_value = "1h", value_parser = parse_duration, allow_hyphen_values = true, requires = "prune")]
    pub prune_older_than: Duration,
}
