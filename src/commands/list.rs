//! `actorctl list`

use anyhow::Result;

use crate::core::classify::{Class, Row};
use crate::core::error::{EXIT_OK, EXIT_UNHEALTHY};
use crate::core::model::Format;
use crate::ops::session::{Connections, Session, RESTART_WINDOW};
use crate::output::render::{actors, monitor};
use crate::output::{textfile, Term};
use crate::settings::{ListJob, Settings};

pub(crate) async fn run(job: ListJob, s: &Settings, term: &Term) -> Result<u8> {
    if let Some(interval) = job.watch {
        return super::watch::run(job, interval, s, term).await;
    }
    let conns = Connections::open(s).await?;
    let fleet = Session::open(&conns, s).await?.fleet(RESTART_WINDOW).await?;
    let report = &fleet.report;
    let rows: Vec<&Row> = report.rows.iter().filter(|r| job.classes.contains(&r.class)).collect();
    let workers_down = report.diagnosis.workers_down;

    if let Some(path) = &job.monitor.textfile {
        let all: Vec<&Row> = report.rows.iter().collect();
        textfile::write_atomically(path, &monitor::textfile(&all, workers_down, None, None))?;
    }
    if let Some((warn, crit)) = job.monitor.check {
        let (code, line) = monitor::check(&rows, workers_down, warn, crit);
        term.emit(&line)?;
        return Ok(code);
    }
    let fmt = s.format;
    if let Some(msg) = report.diagnosis.message.as_ref().filter(|_| fmt != Format::Json) {
        term.note(&format!("WARNING: {msg}"));
    }
    term.emit(&match fmt {
        Format::Json => actors::json(&rows, &report.diagnosis),
        Format::Jsonl => actors::jsonl(&rows),
        Format::Table | Format::Wide => {
            actors::table(report, &rows, fmt == Format::Wide, job.headers, term.color())
        }
    })?;
    if fmt != Format::Json {
        term.note(&actors::summary_line(&rows));
    }
    let unhealthy = rows.iter().any(|r| r.class != Class::Healthy) || workers_down;
    Ok(if unhealthy { EXIT_UNHEALTHY } else { EXIT_OK })
}
