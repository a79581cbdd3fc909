//! `actorctl start|restart|cancel`: repair one actor, safely.

use anyhow::Result;
use std::io::IsTerminal;

use crate::classify::{Class, Row};
use crate::cli::{
    ActionOpts, ApiAuthKind, ApiNameField, BackendKind, BackendOpts, CancelArgs, ResultFormat, VerifyKind,
};
use crate::cms::Cms;
use crate::config::{ApiAuth, ApiSettings, NameField, Settings};
use crate::error::{backend, usage, EXIT_OK, EXIT_UNHEALTHY};
use crate::execute::{describe_all, ActionResult, Audit, Executor, Verify};
use crate::output::{self, results};
use crate::plan::{plan_instance, Action, Planned, Request};
use crate::store::duroxide::DuroxideBackend;
use crate::store::http::HttpBackend;
use crate::store::{Backend, Store};

/// What the operator named: an instance, or (cancel only) an actor id.
pub enum Target<'a> {
    Instance(&'a str),
    Actor(&'a str),
}

pub async fn run(
    request: Request,
    target: Target<'_>,
    opts: &ActionOpts,
    backend_opts: &BackendOpts,
    yes: bool,
    s: &Settings,
) -> Result<u8> {
    let needs_confirmation = request == Request::Cancel && !opts.dry_run && !yes;
    if needs_confirmation {
        confirmation_possible("cancel leaves the instance unmonitored")?;
    }
    let conns = super::Connections::open(s).await?;
    let (cms, store, fleet) = super::gather(&conns, s, opts.stale_after).await?;
    let (plan, quarantine_note) = match target {
        Target::Instance(name) => {
            let (_, instance, note) = cms.resolve_noted(name).await?;
            if let Some(note) = note {
                output::note(&format!("actorctl: note: {note}"));
            }
            let k8s = instance.k8s_name.as_str();
            let row = fleet
                .report
                .rows
                .iter()
                .find(|r| r.class != Class::Orphan && r.k8s_name.as_deref() == Some(k8s))
                .ok_or_else(|| {
                    usage(format!(
                        "instance {k8s} is {}, not running: only running instances have actors \
                         (a live actor of it is an orphan: `actorctl list --orphaned`, `actorctl cancel --actor <id>`)",
                        instance.state
                    ))
                })?;
            let orphans: Vec<&Row> = fleet
                .report
                .rows
                .iter()
                .filter(|r| r.class == Class::Orphan && r.k8s_name.as_deref() == Some(k8s))
                .collect();
            let mut plan = plan_instance(request, row, &orphans);
            let note = (row.quarantined && plan[0].action != Action::None).then(|| {
                format!(
                    "{k8s} is quarantined (crash loop): acting anyway, as asked; sweeps still leave it alone \
                     until `actorctl reset-failed {k8s}`"
                )
            });
            if let Some(note) = &note {
                output::note(&format!("actorctl: note: {note}"));
                plan[0].reason = format!("{}; {note}", plan[0].reason);
            }
            (plan, note)
        }
        Target::Actor(id) => (vec![plan_actor(id, &fleet.report.rows, &store).await?], None),
    };

    if opts.dry_run {
        let described = describe_all(&plan, s, opts.verify_timeout, backend_opts.backend);
        output::emit(&match opts.output {
            ResultFormat::Json => results::plan_json(&described),
            ResultFormat::Table => results::plan_text(&described),
        })?;
        return Ok(EXIT_OK);
    }
    if plan.iter().all(|p| p.action == Action::None) {
        return finish(&crate::execute::nothing_to_do(&plan), opts);
    }
    let backend = connect_backend(backend_opts, s, &cms, &store).await?;
    if needs_confirmation && !confirm(&plan)? {
        return Err(usage("cancelled: nothing was changed"));
    }
    let command = match request {
        Request::Start { .. } => "start",
        Request::Restart => "restart",
        Request::Cancel => "cancel",
    };
    let exec = executor(&cms, &store, &backend, opts, command);
    let mut results = exec.run(&plan).await?;
    // Say so in the result too, when the instance was quarantined.
    if let (Some(first), Some(note)) = (results.first_mut(), &quarantine_note) {
        first.message = format!("{}; note: {note}", first.message);
    }
    finish(&results, opts)
}

/// `cancel --actor <id>`: only an orphan, and only one the store knows.
async fn plan_actor(id: &str, rows: &[Row], store: &Store<'_>) -> Result<Planned> {
    if let Some(o) = rows.iter().find(|r| r.class == Class::Orphan && r.actor_id.as_deref() == Some(id)) {
        return Ok(Planned {
            name: o.name.clone(),
            k8s_name: o.k8s_name.clone(),
            namespace: o.namespace.clone(),
            class: Class::Orphan,
            action: Action::CancelOrphan,
            old_actor_id: Some(id.to_string()),
            old_actor_active: true,
            reason: o.evidence.clone(),
        });
    }
    if let Some(r) = rows.iter().find(|r| r.class != Class::Orphan && r.actor_id.as_deref() == Some(id)) {
        let name = r.name.as_deref().or(r.k8s_name.as_deref()).unwrap_or("?");
        return Err(usage(format!(
            "actor {id} is the current actor of instance {name}, not an orphan; use `actorctl cancel {name}`"
        )));
    }
    let ids = [id.to_string()];
    match store.states(&ids).await?.get(id) {
        None => Err(usage(format!("no actor {id} in the orchestration store; `actorctl list --orphaned` shows the orphans"))),
        Some(st) if !st.is_active() => Ok(Planned {
            name: None,
            k8s_name: crate::classify::k8s_from_actor_id(id),
            namespace: None,
            class: Class::Orphan,
            action: Action::None,
            old_actor_id: Some(id.to_string()),
            old_actor_active: false,
            reason: format!("actor {id} is already {}: nothing to cancel", st.status),
        }),
        Some(_) => Err(usage(format!(
            "actor {id} is running but not an orphan of this actor orchestration (its instance may be creating or \
             deleting); actorctl leaves it alone"
        ))),
    }
}

/// The backend actions go through. For duroxide, first make sure this role
/// may write what the protocol writes, so that a read-only role fails before
/// anything is touched.
pub async fn connect_backend(
    o: &BackendOpts,
    s: &Settings,
    cms: &Cms<'_>,
    store: &Store<'_>,
) -> Result<Backend> {
    if o.backend == BackendKind::Duroxide {
        let mut missing = cms.missing_write_privileges().await?;
        missing.extend(store.missing_write_privileges().await?);
        if !missing.is_empty() {
            return Err(backend(format!(
                "permission denied: the database role cannot change actors (it lacks {}). It can list and show; \
                 the operator grants are in the README (Least privilege). Nothing was changed",
                missing.join(", ")
            )));
        }
    }
    Ok(match o.backend {
        BackendKind::Duroxide => Backend::Duroxide(
            DuroxideBackend::connect(
                &s.store,
                &s.store_schema,
                &store.ledger,
                &s.actor_orchestration,
                s.connect_timeout,
            )
            .await?,
        ),
        BackendKind::Http => {
            let mut api =
                ApiSettings::resolve(o.api_url.as_deref(), o.api_token_file.as_deref(), o.api_timeout)?;
            api.auth = match o.api_auth {
                ApiAuthKind::Bearer => ApiAuth::Bearer,
                ApiAuthKind::Cookie => ApiAuth::Cookie { name: o.api_cookie_name.clone() },
            };
            api.name_field = match o.api_name_field {
                ApiNameField::DnsName => NameField::DnsName,
                ApiNameField::K8sName => NameField::K8sName,
                ApiNameField::UserName => NameField::UserName,
            };
            Backend::Http(HttpBackend::new(api)?)
        }
    })
}

fn confirm(plan: &[Planned]) -> Result<bool> {
    for p in plan.iter().filter(|p| p.action != Action::None) {
        output::note(&format!(
            "will {} actor {} of {}: the instance is then unmonitored",
            p.action.as_str(),
            p.old_actor_id.as_deref().unwrap_or("-"),
            p.name.as_deref().or(p.k8s_name.as_deref()).unwrap_or("-")
        ));
    }
    ask_to_proceed()
}

/// Without a terminal there is no one to ask: refuse, naming `--yes`.
pub fn confirmation_possible(why: &str) -> Result<()> {
    if std::io::stdin().is_terminal() {
        Ok(())
    } else {
        Err(usage(format!("{why} and needs confirmation: stdin is not a terminal, so pass --yes")))
    }
}

/// "Proceed?" on the terminal, defaulting to no.
pub fn ask_to_proceed() -> Result<bool> {
    dialoguer::Confirm::new()
        .with_prompt("Proceed?")
        .default(false)
        .interact()
        .map_err(|e| usage(format!("cannot ask for confirmation ({e}); pass --yes")))
}

pub fn operator(opts: &ActionOpts) -> String {
    opts.operator.clone().unwrap_or_else(crate::sys::default_operator)
}

/// The executor of a command's actions, auditing as `--operator` (default
/// `$USER@host`) with `--reason` (default `actorctl <command>`).
pub fn executor<'a>(
    cms: &'a Cms<'a>,
    store: &'a Store<'a>,
    backend: &'a Backend,
    opts: &ActionOpts,
    command: &str,
) -> Executor<'a> {
    Executor {
        cms,
        store,
        backend,
        audit: Audit {
            operator: operator(opts),
            reason: opts.reason.clone().unwrap_or_else(|| format!("actorctl {command}")),
        },
        verify_timeout: opts.verify_timeout,
        verify: match opts.verify {
            VerifyKind::Healthy => Verify::Healthy,
            VerifyKind::Running => Verify::Running,
        },
    }
}

fn finish(results_: &[ActionResult], opts: &ActionOpts) -> Result<u8> {
    match opts.output {
        ResultFormat::Json => output::emit(&results::json(results_))?,
        ResultFormat::Table => {
            output::emit(&results::table(results_, output::color_enabled()))?;
        }
    }
    Ok(if results_.iter().all(|r| r.outcome.is_ok()) { EXIT_OK } else { EXIT_UNHEALTHY })
}

pub fn cancel_target(a: &CancelArgs) -> Target<'_> {
    match (&a.actor, &a.name) {
        (Some(id), _) => Target::Actor(id),
        (None, Some(n)) => Target::Instance(n),
        (None, None) => unreachable!("clap requires a name or --actor"),
    }
}
