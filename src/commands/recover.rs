//! `actorctl recover`: bulk repair — select, plan, preview, confirm, run
//! with limits and progress, report every actor.

use anyhow::Result;

use crate::core::error::usage;
use crate::core::guard::{dry_run_exit_code, exit_code, Bulk, End};
use crate::core::model::Format;
use crate::core::plan::{plan_recovery, Selection};
use crate::ops::interrupt;
use crate::ops::repair::{self, Pipeline, Ran};
use crate::ops::session::{Connections, Session, RESTART_WINDOW};
use crate::output::render::results;
use crate::output::ui::{Ask, Ui};
use crate::output::Term;
use crate::settings::{RecoverJob, Settings};

pub(crate) async fn run(job: RecoverJob, s: &Settings, term: &Term) -> Result<u8> {
    let mut sel = Selection { all: job.all, k8s_names: Vec::new(), classes: job.classes.clone() };
    if sel.is_empty() && job.names.is_empty() {
        return Err(usage(
            "nothing selected: name instances, or pass --all or a class (--stale --zombie --missing --dead --orphaned)",
        ));
    }
    if !job.action.dry_run && !job.yes {
        term.ensure_can_prompt("recover changes many actors")?;
    }
    interrupt::graceful();
    let conns = Connections::open(s).await?;
    let mut session = Session::open(&conns, s).await?;
    let fleet = session.fleet(RESTART_WINDOW).await?;
    for name in &job.names {
        sel.k8s_names.push(session.cms.resolve(name).await?.1.k8s_name);
    }
    let report = &fleet.report;
    let plan = plan_recovery(&report.rows, &sel, job.bulk.min_age, report.now);
    let diagnosis = &report.diagnosis;
    let pipeline = Pipeline {
        command: "recover",
        action: &job.action,
        confirm: !job.yes,
        guard: Some((job.bulk.rails, Bulk::Recover)),
        limits: job.bulk.limits,
    };
    let ui = Ui { term, ask: Ask::Bulk("recover"), quiet: job.bulk.quiet };
    if let Some(msg) = diagnosis.message.as_ref().filter(|_| diagnosis.workers_down && !job.action.dry_run) {
        term.note(&results::workers_down_note(msg, job.bulk.rails.force));
    }
    let json = s.format == Format::Json;
    let (results_, end) = match repair::run(&session, diagnosis, &plan, &pipeline, &ui).await? {
        Ran::DryRun(described) => {
            term.emit(&if json { results::plan_json(&described) } else { results::dry_run_table(&plan) })?;
            if let Some(msg) = &diagnosis.message {
                term.note(&format!("WARNING: {msg}"));
            }
            return Ok(dry_run_exit_code(&plan));
        }
        Ran::Refused(r) => anyhow::bail!(r.message),
        Ran::Nothing(r) => {
            term.note("nothing to recover");
            (r, End::default())
        }
        Ran::Acted { results, end } => (results, end),
    };
    if json {
        term.emit(&results::json(&results_))?;
    } else {
        term.emit(&results::table(&results_, term.color()))?;
        if !job.bulk.quiet {
            term.note(&results::summary_line(&results_));
        }
    }
    if let Some(lost) = &end.lost {
        term.note(&format!("actorctl: error: stopped starting new actions: {lost}"));
    }
    Ok(exit_code(&results_, false, &end))
}
