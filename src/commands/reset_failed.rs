//! `actorctl reset-failed <name>...|--all`: clear crash-loop quarantines.

use anyhow::Result;

use crate::core::error::EXIT_OK;
use crate::core::model::Format;
use crate::ops::reset::reset_failed;
use crate::output::render::results;
use crate::output::Term;
use crate::settings::Settings;

pub(crate) async fn run(names: &[String], all: bool, s: &Settings, term: &Term) -> Result<u8> {
    let cleared = reset_failed(s, names, all).await?;
    let rows: Vec<(&str, bool)> = cleared.iter().map(|c| (c.k8s_name.as_str(), c.cleared)).collect();
    term.emit(&if s.format == Format::Json {
        results::reset_json(&rows)
    } else {
        results::reset_text(&rows)
    })?;
    Ok(EXIT_OK)
}
