//! `actorctl recover`: bulk repair — select (or replay a plan file), plan,
//! preview, confirm, run with limits and progress, report every actor.

use anyhow::Result;

use crate::core::error::usage;
use crate::core::guard::{dry_run_exit_code, exit_code, Bulk, End};
use crate::core::model::{Format, Ran};
use crate::core::plan::{plan_recovery, Selection};
use crate::core::plan_file::recheck;
use crate::ops::interrupt;
use crate::ops::repair::{self, Pipeline};
use crate::ops::session::{Connections, Session, RESTART_WINDOW};
use crate::output::print::print_lost;
use crate::output::render::{plan_file, results};
use crate::output::ui::{Ask, Ui};
use crate::output::Term;
use crate::settings::{RecoverJob, Settings};

pub(crate) async fn run(job: RecoverJob, s: &Settings, term: &Term) -> Result<u8> {
    let mut sel = Selection { all: job.all, k8s_names: Vec::new(), classes: job.classes.clone() };
    if sel.is_empty() && job.names.is_empty() && job.plan.is_none() {
        return Err(usage(
            "nothing selected: name instances, or pass --all, a class (--stale --zombie --missing --dead --orphaned) or --plan",
        ));
    }
    if !job.action.dry_run && !job.yes {
        term.ensure_can_prompt("recover changes many actors")?;
    }
    interrupt::graceful();
    let conns = Connections::open(s).await?;
    let mut session = Session::open(&conns, s).await?;
    let fleet = session.fleet(RESTART_WINDOW).await?;
    for (k8s, note) in session.resolve_all(&job.names).await? {
        note.inspect(|n| term.note(&format!("actorctl: note: {n}")));
        sel.k8s_names.push(k8s);
    }
    let (report, plan_settings) = (&fleet.report, s.plan_settings(job.action.backend.kind));
    let plan = match &job.plan {
        Some(file) => recheck(file, &report.rows),
        None => plan_recovery(&report.rows, &sel, job.bulk.min_age, report.now),
    };
    let (diagnosis, guard) = (&report.diagnosis, Some((job.bulk.rails, Bulk::Recover)));
    let (action, confirm, limits) = (&job.action, !job.yes, job.bulk.limits);
    let pipeline = Pipeline { command: "recover", action, confirm, guard, limits };
    let ui = Ui { term, ask: Ask::Bulk("recover"), quiet: job.bulk.quiet };
    if let Some(msg) = diagnosis.message.as_ref().filter(|_| diagnosis.workers_down && !job.action.dry_run) {
        term.note(&results::workers_down_note(msg, job.bulk.rails.force));
    }
    let json = s.format == Format::Json;
    let (results_, end) = match repair::run(&session, diagnosis, &plan, &pipeline, &ui).await? {
        Ran::DryRun(d) => {
            if json {
                term.emit_stream(|w| plan_file::write_plan_json(w, &d, &plan_settings))?;
            } else {
                term.emit(&results::dry_run_table(&plan))?;
            }
            if let Some(msg) = &diagnosis.message {
                term.note(&format!("WARNING: {msg}"));
            }
            return Ok(dry_run_exit_code(&plan));
        }
        Ran::Refused(r, _) => anyhow::bail!(r.message),
        Ran::Nothing(r) => {
            term.note("nothing to recover");
            (r, End::default())
        }
        Ran::Acted { results, end } => (results, end),
    };
    if json {
        term.emit(&plan_file::results_json(&results_, &plan_settings))?;
    } else {
        term.emit(&results::table(&results_, term.color()))?;
        if !job.bulk.quiet {
            term.note(&results::summary_line(&results_));
        }
    }
    print_lost(term, &end);
    Ok(exit_code(&results_, false, &end))
}
