//! `actorctl list`

use anyhow::Result;

use crate::core::classify::Row;
use crate::core::error::{EXIT_OK, EXIT_UNHEALTHY};
use crate::core::model::Format;
use crate::core::prune::escalate;
use crate::ops::prune::growth;
use crate::ops::session::{Connections, Session, RESTART_WINDOW};
use crate::output::render::actors::{self, TableStyle};
use crate::output::render::monitor;
use crate::output::{textfile, Term};
use crate::settings::{ListJob, Settings};

pub(crate) async fn run(job: ListJob, s: &Settings, term: &Term) -> Result<u8> {
    if let Some(interval) = job.watch {
        return super::watch::run(job, interval, s, term).await;
    }
    let read = async {
        let conns = Connections::open(s).await?;
        let mut session = Session::open(&conns, s).await?;
        let fleet = session.fleet(RESTART_WINDOW).await?;
        anyhow::Ok((fleet, growth(&session.store, s, &job.monitor).await?))
    };
    let (fleet, growth) = match read.await {
        Ok(fleet) => fleet,
        Err(e) => {
            // The textfile says so too, rather than keeping old gauges.
            if let Some(path) = &job.monitor.textfile {
                textfile::write(path, None, None, None)?;
            }
            return Err(e);
        }
    };
    let report = &fleet.report;
    let rows: Vec<&Row> = report.rows.iter().filter(|r| job.classes.contains(&r.class)).collect();
    let diagnosis = &report.diagnosis;
    if let Some(path) = &job.monitor.textfile {
        let all: Vec<&Row> = report.rows.iter().collect();
        textfile::write(path, Some((&all, diagnosis)), None, growth.totals.as_ref().map(|t| (t, None)))?;
    }
    if let Some((warn, crit)) = job.monitor.check {
        let (code, line) = monitor::check(&rows, diagnosis, warn, crit);
        let (code, line) = escalate(code, &line, growth.warning.as_deref());
        term.emit(&line)?;
        return Ok(code);
    }
    let fmt = s.format;
    if let Some(msg) = diagnosis.message.as_ref().filter(|_| fmt != Format::Json) {
        term.note(&format!("WARNING: {msg}"));
    }
    match fmt {
        Format::Json => term.emit_stream(|w| actors::write_json(w, &rows, diagnosis))?,
        Format::Jsonl => term.emit_stream(|w| actors::write_jsonl(w, &rows))?,
        Format::Table | Format::Wide => {
            let (wide, headers, color, width) =
                (fmt == Format::Wide, job.headers, term.color(), term.width());
            term.emit_stream(|w| {
                actors::write_table(w, report, &rows, TableStyle { wide, headers, color, width })
            })?
        }
    }
    if fmt != Format::Json {
        term.note(&actors::summary_line(&rows));
    }
    let unhealthy = rows.iter().any(|r| r.class.is_unhealthy()) || diagnosis.fleet_is_sick();
    // The process exits next, which frees the fleet at once; freeing its
    // rows one by one first costs about 10 ms at 100k.
    drop(rows);
    std::mem::forget(fleet);
    Ok(if unhealthy { EXIT_UNHEALTHY } else { EXIT_OK })
}
