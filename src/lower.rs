//! Flags, environment and the config file's context → plain [`Settings`]
//! and a [`Job`]. Precedence everywhere: flag > environment > context >
//! built-in default. Nothing past this step sees clap.

use anyhow::Result;
use clap::parser::ValueSource;
use clap::ArgMatches;
use std::path::PathBuf;

use crate::cli::{self, ActionOpts, BackendOpts, BulkOpts, ClassOpts, Cli, Command, MonitorOpts};
use crate::core::classify::Class;
use crate::core::doctor::{SettingSource, Source};
use crate::core::error::usage;
use crate::core::events::{event_type, EventQuery};
use crate::core::guard::{Budget, Rails};
use crate::core::model::{BackendKind, Format, Limits, Verify};
use crate::core::plan::Request;
use crate::core::plan_file::{self, PlanFile};
use crate::core::prune::{Pace, Policy};
use crate::core::timefmt::parse_duration;
use crate::settings::connection::Target;
use crate::settings::contexts::{self, Context};
use crate::settings::{
    ActionSettings, BackendSettings, BulkSettings, ConfigJob, DoctorJob, EventsJob, Job, ListJob, Monitor,
    PruneJob, RecoverJob, RepairJob, RepairTarget, Run, Settings, SweepJob, SweepPrune,
};
use crate::settings::{ApiAuth, NameField};

/// What `main` is to do.
pub enum Lowered {
    /// Connect and run a job.
    Run(Box<Run>),
    /// `config …`: the config file only, no database.
    Config { job: ConfigJob, path: PathBuf, explicit: bool, selected: Option<String> },
    /// `completions <shell>`.
    Completions(clap_complete::Shell),
}

/// `secrets` collects what must never be printed (a context's password).
// Long on purpose: the whole lowering, step by step, in reading order.
pub fn lower(cli: Cli, m: &ArgMatches, secrets: &mut Vec<String>) -> Result<Lowered> {
    let explicit = cli.config.is_some();
    let path = contexts::path(cli.config.as_deref())
        .ok_or_else(|| usage("no config file location: set HOME, XDG_CONFIG_HOME or --config"));
    let command = match cli.command {
        Command::Completions { shell } => return Ok(Lowered::Completions(shell)),
        Command::Config(command) => {
            let job = match command {
                cli::ConfigCommand::View => ConfigJob::View,
                cli::ConfigCommand::GetContexts => ConfigJob::GetContexts,
                cli::ConfigCommand::UseContext { name } => ConfigJob::UseContext(name),
            };
            return Ok(Lowered::Config { job, path: path?, explicit, selected: cli.context });
        }
        command => command,
    };
    let config_path =
        path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|_| "the config file".into());
    let mut ctx_name = None;
    let ctx = match path {
        Ok(path) => {
            let file = contexts::load(&path, explicit)?;
            match contexts::select(&file, cli.context.as_deref(), &path)? {
                Some((name, ctx)) => {
                    tracing::info!("using context {name} from {}", path.display());
                    ctx_name = Some(format!("{name} ({})", path.display()));
                    secrets.extend(ctx.password.clone());
                    ctx.clone()
                }
                None => Context::default(),
            }
        }
        Err(_) => Context::default(),
    };
    let mut settings = settings(&cli.connect, &cli.common, m, &ctx)?;
    let libpq_env = ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    if cli.connect.database_url.is_none() && ctx.database_url.is_none() && ctx.host.is_none() && !libpq_env {
        settings.unconfigured = Some(format!(
            "no database is configured: set ACTORCTL_DATABASE_URL (or pass --database-url), choose a context \
             with --context, or add one to {config_path} (`actorctl config view`)"
        ));
    }
    secrets.extend(settings.secrets());
    let sub = m.subcommand().map_or(m, |(_, s)| s);
    let job = match command {
        Command::Doctor(a) => {
            let backend = action(&doctor_action(), &a.backend, sub, &ctx)?.backend;
            let sources = sources(&cli.connect, m, sub, &ctx, ctx_name, &settings, &backend);
            Job::Doctor(DoctorJob { sources, backend })
        }
        command => job(command, &settings, sub, &ctx)?,
    };
    // A plan is re-checked with the threshold it was made with.
    if let Job::Recover(RecoverJob { plan: Some(p), .. }) = &job {
        if let Some(ps) = &p.settings {
            settings.stale_after = std::time::Duration::from_secs(ps.stale_after_secs);
        }
    }
    check_threshold(&settings, &job)?;
    Ok(Lowered::Run(Box::new(Run { settings, job })))
}

/// A threshold below twice the loop interval calls healthy actors stale
/// between two loops: refused unless the command was given `--force`.
fn check_threshold(s: &Settings, job: &Job) -> Result<()> {
    let forced = match job {
        Job::List(j) => j.force,
        Job::Show { force, .. } => *force,
        Job::Repair(j) => j.force,
        Job::Recover(j) => j.bulk.rails.force,
        Job::Sweep(j) => j.bulk.rails.force,
        Job::ResetFailed { .. } | Job::Events(_) | Job::Doctor(_) | Job::Prune(_) => true,
    };
    let floor = s.actor_interval * 2;
    if s.stale_after < floor && !forced {
        return Err(usage(format!(
            "--stale-after {} is below twice --actor-interval {} ({}): healthy actors would look stale between \
             two loops. Raise it, or pass --force",
            humantime::format_duration(s.stale_after),
            humantime::format_duration(s.actor_interval),
            humantime::format_duration(floor)
        )));
    }
    Ok(())
}

fn from_default(m: &ArgMatches, id: &str) -> bool {
    matches!(m.value_source(id), None | Some(ValueSource::DefaultValue))
}

/// The context's value for a setting neither a flag nor the environment gave.
fn or_context<T: Clone>(m: &ArgMatches, id: &str, given: &T, ctx: Option<T>) -> T {
    match ctx {
        Some(v) if from_default(m, id) => v,
        _ => given.clone(),
    }
}

// Long on purpose: one line per setting, each with its flag > env > context > default rule.
fn settings(
    c: &cli::ConnectOpts,
    common: &cli::CommonOpts,
    m: &ArgMatches,
    ctx: &Context,
) -> Result<Settings> {
    let database_url = c.database_url.clone().or(ctx.database_url.clone()).or(ctx.conninfo()?);
    let mut cms = match database_url.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => Target::parse(raw, "--database-url / ACTORCTL_DATABASE_URL")?,
        None => Target::from_libpq_env()?,
    };
    cms.set_connect_timeout(c.connect_timeout);
    let store = match c.duroxide_url.clone().or(ctx.duroxide_url.clone()).filter(|s| !s.is_empty()) {
        Some(raw) => {
            let mut t = Target::parse(&raw, "--duroxide-url / ACTORCTL_DUROXIDE_URL")?;
            t.set_connect_timeout(c.connect_timeout);
            t
        }
        None => cms.clone(),
    };
    let cms_schema = or_context(m, "cms_schema", &c.cms_schema, ctx.cms_schema.clone());
    let store_schema = or_context(m, "duroxide_schema", &c.duroxide_schema, ctx.duroxide_schema.clone());
    for (name, value) in [("cms-schema", &cms_schema), ("duroxide-schema", &store_schema)] {
        cli::parse_ident(value).map_err(|e| usage(format!("context {name}: {e}")))?;
    }
    let duration = |key: &str, v: &Option<String>| -> Result<Option<std::time::Duration>> {
        v.as_deref().map(|s| parse_duration(s).map_err(|e| usage(format!("context {key}: {e}")))).transpose()
    };
    let stale = duration("stale-after", &ctx.stale_after)?;
    let interval = duration("actor-interval", &ctx.actor_interval)?;
    let budget = ctx
        .max_unhealthy
        .as_deref()
        .map(|s| Budget::parse(s).map_err(|e| usage(format!("context max-unhealthy: {e}"))))
        .transpose()?;
    Ok(Settings {
        cms,
        store,
        cms_schema,
        store_schema,
        actor_orchestration: or_context(
            m,
            "actor_orchestration",
            &c.actor_orchestration,
            ctx.actor_orchestration.clone(),
        ),
        statement_timeout: c.statement_timeout,
        connect_timeout: c.connect_timeout,
        stale_after: or_context(m, "stale_after", &common.stale_after, stale),
        actor_interval: or_context(m, "actor_interval", &common.actor_interval, interval),
        stuck_after: common.stuck_after,
        max_unhealthy: or_context(m, "max_unhealthy", &common.max_unhealthy, budget),
        operator: common.operator.clone().unwrap_or_else(crate::settings::sys::default_operator),
        unconfigured: None,
        format: match common.output {
            cli::Format::Table => Format::Table,
            cli::Format::Wide => Format::Wide,
            cli::Format::Json => Format::Json,
            cli::Format::Jsonl => Format::Jsonl,
        },
    })
}

// Long on purpose: one arm per subcommand, so every flag's lowering is in
// one readable place.
fn job(command: Command, s: &Settings, sub: &ArgMatches, ctx: &Context) -> Result<Job> {
    let formats = |what: &str, ok: &[Format]| {
        if ok.contains(&s.format) {
            Ok(())
        } else {
            Err(usage(format!("{what} has no {:?} output; use -o table or -o json", s.format).to_lowercase()))
        }
    };
    let results = [Format::Table, Format::Json];
    Ok(match command {
        Command::List(a) => Job::List(ListJob {
            classes: list_classes(&a.classes, a.unhealthy),
            headers: !a.no_headers,
            monitor: monitor(&a.monitor)?,
            force: a.force,
            watch: a.watch.then_some(a.interval),
        }),
        Command::Show(a) => {
            formats("show", &results)?;
            Job::Show { name: a.name, force: a.force }
        }
        Command::Start(a) => {
            formats("start", &results)?;
            let action = action(&a.action, &a.backend, sub, ctx)?;
            let target = RepairTarget::Instance(a.name);
            let request = Request::Start { force: a.force };
            Job::Repair(RepairJob { request, target, yes: false, action, force: a.force })
        }
        Command::Restart(a) => {
            formats("restart", &results)?;
            let action = action(&a.action, &a.backend, sub, ctx)?;
            let target = RepairTarget::Instance(a.name);
            Job::Repair(RepairJob { request: Request::Restart, target, yes: false, action, force: a.force })
        }
        Command::Cancel(a) => {
            formats("cancel", &results)?;
            let action = action(&a.action, &a.backend, sub, ctx)?;
            let target = match (a.actor, a.name) {
                (Some(id), _) => RepairTarget::Actor(id),
                (None, Some(name)) => RepairTarget::Instance(name),
                (None, None) => return Err(usage("cancel needs an instance name or --actor <id>")),
            };
            Job::Repair(RepairJob { request: Request::Cancel, target, yes: a.yes, action, force: a.force })
        }
        Command::Recover(a) => {
            formats("recover", &results)?;
            let plan = a.plan.as_deref().map(|path| read_plan(path, s)).transpose()?;
            let mut action = action(&a.action, &a.backend, sub, ctx)?;
            if let Some(ps) = plan.as_ref().and_then(|p| p.settings.as_ref()) {
                if sub.value_source("backend") != Some(ValueSource::CommandLine) {
                    action.backend.kind = BackendKind::parse(&ps.backend).unwrap_or(action.backend.kind);
                }
            }
            Job::Recover(RecoverJob {
                plan,
                names: a.names,
                all: a.all,
                classes: selected(&a.classes),
                yes: a.yes,
                bulk: bulk(&a.bulk, Rails { force: a.force, max: a.max }, a.quiet),
                action,
            })
        }
        Command::Sweep(a) => {
            formats("sweep", &results)?;
            Job::Sweep(SweepJob {
                wait_lock: a.wait_lock,
                restart_burst: a.restart_burst,
                restart_window: a.restart_window,
                bulk: bulk(&a.bulk, Rails { force: a.force, max: Some(a.max) }, a.quiet),
                monitor: monitor(&a.monitor)?,
                action: action(&a.action, &a.backend, sub, ctx)?,
                prune: a.prune.prune.then_some(SweepPrune {
                    policy: Policy {
                        keep_last: a.prune.prune_keep_last,
                        older_than: a.prune.prune_older_than,
                    },
                    budget: a.prune.prune_budget,
                }),
            })
        }
        Command::Prune(a) => {
            formats("prune", &results)?;
            if !a.check && !a.dry_run && !a.all && a.names.is_empty() {
                return Err(usage(
                    "nothing selected: name instances or pass --all (--dry-run alone shows the store's growth)",
                ));
            }
            Job::Prune(PruneJob {
                names: a.names,
                policy: Policy { keep_last: a.policy.keep_last, older_than: a.policy.older_than },
                pace: Pace { batch: a.batch as usize, rps: a.rps, max_duration: a.max_duration },
                dry_run: a.dry_run,
                exact: a.exact,
                yes: a.yes,
                quiet: a.quiet,
                check: a.check.then_some(a.warn_executions_per_actor),
            })
        }
        Command::ResetFailed(a) => {
            formats("reset-failed", &results)?;
            Job::ResetFailed { names: a.names, all: a.all }
        }
        Command::Events(a) => {
            let query = EventQuery {
                since: a.since,
                types: a.types.iter().map(|t| event_type(t)).collect(),
                run: a.run,
                k8s_names: Vec::new(),
                limit: a.limit,
            };
            Job::Events(EventsJob { names: a.names, query, follow: a.follow.then_some(a.poll) })
        }
        Command::Config(_) | Command::Completions { .. } | Command::Doctor(_) => {
            unreachable!("lowered before")
        }
    })
}

/// The classes asked for, in severity order.
fn selected(c: &ClassOpts) -> Vec<Class> {
    [
        (c.zombie, Class::Zombie),
        (c.dead, Class::Dead),
        (c.missing, Class::Missing),
        (c.stale, Class::Stale),
        (c.orphaned, Class::Orphan),
        (c.stuck, Class::Stuck),
    ]
    .into_iter()
    .filter_map(|(on, class)| on.then_some(class))
    .collect()
}

/// `list`'s filters: the classes asked for, every unhealthy one, or all.
fn list_classes(c: &ClassOpts, unhealthy: bool) -> Vec<Class> {
    let mut wanted = selected(c);
    if unhealthy {
        wanted.extend(Class::ALL.iter().filter(|c| c.is_unhealthy()));
    }
    if wanted.is_empty() {
        wanted = Class::ALL.to_vec();
    }
    wanted
}

fn monitor(m: &MonitorOpts) -> Result<Monitor> {
    if m.warn > m.crit {
        return Err(usage(format!(
            "--warn {} is above --crit {}: WARNING must start at or below CRITICAL",
            m.warn, m.crit
        )));
    }
    Ok(Monitor {
        check: m.check.then_some((m.warn, m.crit)),
        textfile: m.textfile.clone(),
        warn_executions_per_actor: m.warn_executions_per_actor,
    })
}

fn bulk(b: &BulkOpts, rails: Rails, quiet: bool) -> BulkSettings {
    BulkSettings {
        min_age: b.min_age,
        limits: Limits { concurrency: b.concurrency.into(), rps: b.rps },
        rails,
        quiet,
    }
}

fn action(a: &ActionOpts, b: &BackendOpts, sub: &ArgMatches, ctx: &Context) -> Result<ActionSettings> {
    let kind = match ctx.backend.as_deref().filter(|_| from_default(sub, "backend")) {
        Some(name) => BackendKind::parse(name)
            .ok_or_else(|| usage(format!("context backend '{name}' is neither duroxide nor http")))?,
        None => match b.backend {
            cli::BackendKind::Duroxide => BackendKind::Duroxide,
            cli::BackendKind::Http => BackendKind::Http,
        },
    };
    Ok(ActionSettings {
        reason: a.reason.clone(),
        dry_run: a.dry_run,
        verify_timeout: a.verify_timeout,
        verify: match a.verify {
            cli::VerifyKind::Healthy => Verify::Healthy,
            cli::VerifyKind::Running => Verify::Running,
        },
        backend: BackendSettings {
            kind,
            api_url: b.api_url.clone().or(ctx.api_url.clone()),
            api_token_file: b.api_token_file.clone(),
            api_timeout: b.api_timeout,
            api_auth: match b.api_auth {
                cli::ApiAuthKind::Bearer => ApiAuth::Bearer,
                cli::ApiAuthKind::Cookie => ApiAuth::Cookie { name: b.api_cookie_name.clone() },
            },
            api_name_field: match b.api_name_field {
                cli::ApiNameField::DnsName => NameField::DnsName,
                cli::ApiNameField::K8sName => NameField::K8sName,
                cli::ApiNameField::UserName => NameField::UserName,
            },
        },
    })
}

/// `doctor` acts on nothing; only its backend flags matter.
fn doctor_action() -> ActionOpts {
    ActionOpts {
        reason: None,
        dry_run: true,
        verify_timeout: std::time::Duration::ZERO,
        verify: cli::VerifyKind::Healthy,
    }
}

/// The source that won for `id`: a flag, the environment, the context
/// (when it has a value), else the built-in default.
fn source(m: &ArgMatches, id: &str, in_context: bool) -> Source {
    match m.value_source(id) {
        Some(ValueSource::CommandLine) => Source::Flag,
        Some(ValueSource::EnvVariable) => Source::Env,
        _ if in_context => Source::Context,
        _ => Source::Default,
    }
}

/// Where every setting came from, for `doctor` (secrets never included).
// Long on purpose: one entry per setting doctor reports, in the order it prints them.
fn sources(
    c: &cli::ConnectOpts,
    m: &ArgMatches,
    sub: &ArgMatches,
    ctx: &Context,
    ctx_name: Option<String>,
    s: &Settings,
    b: &BackendSettings,
) -> Vec<SettingSource> {
    let libpq = ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSSLMODE"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    let in_ctx =
        ctx.database_url.is_some() || ctx.host.is_some() || ctx.dbname.is_some() || ctx.port.is_some();
    let given = c.database_url.as_deref().is_some_and(|u| !u.is_empty());
    let db_source = match source(m, "database_url", in_ctx) {
        Source::Flag | Source::Env if !given && in_ctx => Source::Context,
        Source::Flag | Source::Env if !given && libpq => Source::Env,
        Source::Flag | Source::Env if !given => Source::Default,
        Source::Default if libpq => Source::Env,
        other => other,
    };
    let store_value = if c.duroxide_url.is_none() && ctx.duroxide_url.is_none() {
        "the CMS database".to_string()
    } else {
        s.store.to_string()
    };
    let human = |d: std::time::Duration| humantime::format_duration(d).to_string();
    let token = if b.api_token_file.is_some() {
        ("set".to_string(), Source::Flag)
    } else if std::env::var("ACTORCTL_API_TOKEN").is_ok_and(|t| !t.is_empty()) {
        ("set".to_string(), Source::Env)
    } else {
        ("unset".to_string(), Source::Default)
    };
    let context_source = match m.value_source("context") {
        Some(ValueSource::CommandLine) => Source::Flag,
        Some(ValueSource::EnvVariable) => Source::Env,
        _ if ctx_name.is_some() => Source::Context,
        _ => Source::Default,
    };
    let row = |name: &str, value: String, source: Source| SettingSource { name: name.into(), value, source };
    vec![
        row("context", ctx_name.unwrap_or_else(|| "none".into()), context_source),
        row("database-url", s.cms.to_string(), db_source),
        row("duroxide-url", store_value, source(m, "duroxide_url", ctx.duroxide_url.is_some())),
        row("cms-schema", s.cms_schema.clone(), source(m, "cms_schema", ctx.cms_schema.is_some())),
        row(
            "duroxide-schema",
            s.store_schema.clone(),
            source(m, "duroxide_schema", ctx.duroxide_schema.is_some()),
        ),
        row(
            "actor-orchestration",
            s.actor_orchestration.clone(),
            source(m, "actor_orchestration", ctx.actor_orchestration.is_some()),
        ),
        row("stale-after", human(s.stale_after), source(m, "stale_after", ctx.stale_after.is_some())),
        row("connect-timeout", human(s.connect_timeout), source(m, "connect_timeout", false)),
        row("statement-timeout", human(s.statement_timeout), source(m, "statement_timeout", false)),
        row("operator", s.operator.clone(), source(m, "operator", false)),
        row("backend", format!("{:?}", b.kind).to_lowercase(), source(sub, "backend", ctx.backend.is_some())),
        row(
            "api-url",
            b.api_url.as_deref().map(contexts::redact_url).unwrap_or_else(|| "unset".into()),
            source(sub, "api_url", ctx.api_url.is_some()),
        ),
        row("api-token", token.0, token.1),
    ]
}

/// `recover --plan FILE`: read, parsed, and refused (exit 2) when unreadable
/// or made for another fleet.
fn read_plan(path: &std::path::Path, s: &Settings) -> Result<PlanFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(format!("cannot read --plan {}: {e}", path.display())))?;
    let file = plan_file::parse(&text).map_err(|e| usage(format!("--plan {}: {e}", path.display())))?;
    if let Some(ps) = &file.settings {
        if let Some(why) = plan_file::fleet_mismatch(&ps.fleet, &s.plan_settings(BackendKind::Duroxide).fleet)
        {
            return Err(usage(format!("--plan {}: {why}; nothing was changed", path.display())));
        }
    }
    Ok(file)
}
