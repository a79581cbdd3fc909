//! Every clap definition, and nothing else.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::time::Duration;

use crate::timefmt::parse_duration;

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
#[command(name = "actorctl", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub connect: ConnectOpts,

    /// Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]
    #[arg(long, env = "ACTORCTL_CONFIG", global = true, value_name = "PATH")]
    pub config: Option<std::path::PathBuf>,

    /// Context of the config file to use instead of its current context.
    #[arg(long, env = "ACTORCTL_CONTEXT", global = true, value_name = "NAME")]
    pub context: Option<String>,

    /// More logging on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

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
    // ---- issue 15: prune (PruneArgs and SweepPruneOpts at the end of this file) ----
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
    /// Act even when the workers are down (restarts then fix nothing).
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
    #[arg(long, value_parser = parse_rps)]
    pub rps: Option<f64>,
}

impl BulkOpts {
    pub fn limits(&self) -> crate::execute::Limits {
        crate::execute::Limits { concurrency: self.concurrency.into(), rps: self.rps }
    }
}

#[derive(Debug, Args)]
pub struct SweepArgs {
    /// Abort the whole sweep, touching nothing, when the plan has more
    /// actions than this.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub max: usize,
    /// Act even when the workers are down.
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
    pub prune: SweepPruneOpts, // issue 15
    /// Print nothing unless something failed or is quarantined (for cron mail).
    #[arg(short, long)]
    pub quiet: bool,
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
    /// Who, recorded in the audit trail (default: $USER@hostname).
    #[arg(long, env = "ACTORCTL_OPERATOR")]
    pub operator: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ResultFormat::Table)]
    pub output: ResultFormat,
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
    /// Restart the actor even if it is healthy, stale or zombie.
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
    /// Who, recorded in the audit trail (default: $USER@hostname).
    #[arg(long, env = "ACTORCTL_OPERATOR")]
    pub operator: Option<String>,
    /// Print the exact steps that would be taken; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How long to wait for the store to show the result before reporting
    /// it unverified.
    #[arg(long, default_value = "30s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub verify_timeout: Duration,
    /// Health checks or progress older than this count as stale.
    #[arg(long, env = "ACTORCTL_STALE_AFTER", default_value = "5m", value_parser = parse_duration, allow_hyphen_values = true)]
    pub stale_after: Duration,
    /// Output format of the result.
    #[arg(short, long, value_enum, default_value_t = ResultFormat::Table)]
    pub output: ResultFormat,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendKind {
    Duroxide,
    Http,
}

impl BackendKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackendKind::Duroxide => "duroxide",
            BackendKind::Http => "http",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    Table,
    Json,
}

/// Where the CMS database and the orchestration store are.
#[derive(Debug, Args, Clone)]
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
}

impl ClassOpts {
    /// The classes asked for, in severity order.
    pub fn selected(&self) -> Vec<crate::classify::Class> {
        use crate::classify::Class;
        [
            (self.zombie, Class::Zombie),
            (self.dead, Class::Dead),
            (self.missing, Class::Missing),
            (self.stale, Class::Stale),
            (self.orphaned, Class::Orphan),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, c)| *c)
        .collect()
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub classes: ClassOpts,
    /// Every class except healthy.
    #[arg(long)]
    pub unhealthy: bool,

    /// Health checks or progress older than this count as stale.
    #[arg(long, env = "ACTORCTL_STALE_AFTER", default_value = "5m", value_parser = parse_duration, allow_hyphen_values = true)]
    pub stale_after: Duration,

    #[command(flatten)]
    pub output: OutputOpts,

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
pub struct ShowArgs {
    /// Instance name (user_name) or k8s_name.
    pub name: String,

    /// Health checks or progress older than this count as stale.
    #[arg(long, env = "ACTORCTL_STALE_AFTER", default_value = "5m", value_parser = parse_duration, allow_hyphen_values = true)]
    pub stale_after: Duration,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ShowFormat::Text)]
    pub output: ShowFormat,
}

#[derive(Debug, Args, Clone)]
pub struct OutputOpts {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub output: Format,
    /// Omit the table header.
    #[arg(long)]
    pub no_headers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Wide,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
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

// ---- issue 15: prune ------------------------------------------------------

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
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ResultFormat::Table)]
    pub output: ResultFormat,
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
