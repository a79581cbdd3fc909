//! `actorctl doctor`: every check, one line each; exit 0, 1 or 3.

use anyhow::Result;

use crate::core::doctor::exit_code;
use crate::core::model::Format;
use crate::ops::doctor;
use crate::output::render::doctor as render;
use crate::output::Term;
use crate::settings::{DoctorJob, Settings};

pub(crate) async fn run(job: DoctorJob, s: &Settings, term: &Term) -> Result<u8> {
    let checks = doctor::run(s, &job).await;
    if s.format == Format::Json {
        term.emit(&render::json(&job.sources, &checks))?;
    } else {
        term.emit(&render::text(&job.sources, &checks, term.color()))?;
        term.note(&render::summary_line(&checks));
    }
    Ok(exit_code(&checks))
}
