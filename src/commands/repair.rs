//! `actorctl start|restart|cancel`: repair one actor, safely.

use anyhow::Result;

use crate::core::classify::k8s_from_actor_id;
use crate::core::error::EXIT_OK;
use crate::core::guard::{exit_code, End};
use crate::core::model::Limits;
use crate::core::model::Ran;
use crate::core::plan::Request;
use crate::ops::repair::{self, plan_actor, plan_one, Pipeline};
use crate::ops::session::{Connections, Session, RESTART_WINDOW};
use crate::output::print::print_lost;
use crate::output::render::results;
use crate::output::ui::{Ask, Ui};
use crate::output::Term;
use crate::settings::{RepairJob, RepairTarget, Settings};

pub(crate) async fn run(job: RepairJob, s: &Settings, term: &Term) -> Result<u8> {
    let ask = job.request == Request::Cancel && !job.action.dry_run && !job.yes;
    if ask {
        term.ensure_can_prompt("cancel leaves the instance unmonitored")?;
    }
    let conns = Connections::open(s).await?;
    let mut session = Session::open(&conns, s).await?;
    // Only this instance (or actor) is read, never the whole fleet.
    let (plan, note, name_note, fleet) = match &job.target {
        RepairTarget::Instance(name) => {
            let (_, instance, name_note) = session.cms.resolve_noted(name).await?;
            let fleet = session.fleet_of(RESTART_WINDOW, &[instance.k8s_name.to_string()], &[]).await?;
            let (plan, note) = plan_one(&fleet, job.request, &instance)?;
            (plan, note, name_note, fleet)
        }
        RepairTarget::Actor(id) => {
            let k8s: Vec<String> = k8s_from_actor_id(id).into_iter().collect();
            let fleet = session.fleet_of(RESTART_WINDOW, &k8s, std::slice::from_ref(id)).await?;
            (vec![plan_actor(id, &fleet.report.rows, &session.store).await?], None, None, fleet)
        }
    };
    if let Some(note) = &name_note {
        term.note(&format!("actorctl: note: {note}"));
    }
    if let Some(note) = &note {
        term.note(&format!("actorctl: note: {note}"));
    }
    let command = match job.request {
        Request::Start { .. } => "start",
        Request::Restart => "restart",
        Request::Cancel => "cancel",
    };
    let pipeline =
        Pipeline { command, action: &job.action, confirm: ask, guard: None, limits: Limits::ONE_AT_A_TIME };
    let ui = Ui { term, ask: if ask { Ask::Cancel } else { Ask::Never }, quiet: true };
    let json = s.format == crate::core::model::Format::Json;
    let (mut results_, end) = match repair::run(&session, &fleet.report.diagnosis, &plan, &pipeline, &ui)
        .await?
    {
        Ran::DryRun(described) => {
            term.emit(&if json { results::plan_json(&described) } else { results::plan_text(&described) })?;
            return Ok(EXIT_OK);
        }
        Ran::Nothing(r) => (r, End::default()),
        Ran::Acted { results, end } => (results, end),
        Ran::Refused(..) => unreachable!("single actions have no bulk guard"),
    };
    // Say so in the result too, when the instance was quarantined (there
    // is a note only when the instance's own action does something).
    if let (Some(first), Some(note)) = (results_.first_mut(), &note) {
        first.message = format!("{}; note: {note}", first.message);
    }
    term.emit(&if json { results::json(&results_) } else { results::table(&results_, term.color()) })?;
    print_lost(term, &end);
    Ok(exit_code(&results_, false, &end))
}
