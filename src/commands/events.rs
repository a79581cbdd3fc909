//! `actorctl events`: the audit trail, read or followed.

use anyhow::Result;

use crate::core::error::EXIT_OK;
use crate::core::events::AuditRow;
use crate::core::model::Format;
use crate::ops::events::Trail;
use crate::ops::interrupt;
use crate::output::render::events;
use crate::output::Term;
use crate::settings::{EventsJob, Settings};

pub(crate) async fn run(job: EventsJob, s: &Settings, term: &Term) -> Result<u8> {
    let trail = Trail::open(s, &job.names, job.query).await?;
    let rows = trail.recent().await?;
    let fmt = s.format;
    let Some(poll) = job.follow else {
        term.emit(&match fmt {
            Format::Json => events::json(&rows),
            Format::Jsonl => events::jsonl(&rows),
            Format::Table | Format::Wide if rows.is_empty() => String::new(),
            Format::Table | Format::Wide => events::header() + &events::rows(&rows),
        })?;
        if rows.is_empty() && matches!(fmt, Format::Table | Format::Wide) {
            term.note("no events");
        }
        return Ok(EXIT_OK);
    };
    // Following, every batch is JSON lines (one document per row) or table rows.
    interrupt::until_interrupted();
    let batch = |rows: &[AuditRow]| match fmt {
        Format::Json | Format::Jsonl => events::jsonl(rows),
        Format::Table | Format::Wide => events::rows(rows),
    };
    if matches!(fmt, Format::Table | Format::Wide) {
        term.emit(&events::header())?;
    }
    term.emit(&batch(&rows))?;
    trail.follow(&rows, poll, |new| Ok(term.emit(&batch(new))?)).await?;
    Ok(EXIT_OK)
}
