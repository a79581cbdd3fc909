//! `actorctl list --watch`: a refresh every interval until Ctrl-C (exit 0).

use anyhow::Result;
use std::time::Duration;

use crate::core::classify::Row;
use crate::core::error::EXIT_OK;
use crate::core::model::Format;
use crate::core::watch::{changes, seen, Seen};
use crate::ops::interrupt;
use crate::ops::watch::{watch, Tick};
use crate::output::render::watch as render;
use crate::output::Term;
use crate::settings::{ListJob, Settings};

pub(crate) async fn run(job: ListJob, interval: Duration, s: &Settings, term: &Term) -> Result<u8> {
    interrupt::until_interrupted();
    let wide = s.format == Format::Wide;
    let screen = term.stdout_tty() && matches!(s.format, Format::Table | Format::Wide);
    let mut before: Option<Seen> = None;
    watch(s, interval, |tick| {
        match tick {
            Tick::Lost(why) => {
                term.note(&format!("actorctl: lost the database ({why}); retrying until it is back"))
            }
            Tick::Back => term.note("actorctl: the database is back"),
            Tick::Fleet(report) => {
                let changed = changes(before.as_ref(), &report.rows, &job.classes);
                if screen {
                    let rows: Vec<&Row> =
                        report.rows.iter().filter(|r| job.classes.contains(&r.class)).collect();
                    let opts = (interval, wide, term.color());
                    term.emit(&render::screen(report, &rows, &changed, before.is_none(), opts))?;
                } else {
                    term.emit(&render::jsonl(&changed, report.now))?;
                }
                before = Some(seen(&report.rows));
            }
        }
        Ok(())
    })
    .await?;
    Ok(EXIT_OK)
}
