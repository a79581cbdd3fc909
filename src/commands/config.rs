//! `actorctl config view|get-contexts|use-context`

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};
use std::path::Path;

use crate::core::error::EXIT_OK;
use crate::output::render::actors::strip_margin;
use crate::output::Term;
use crate::settings::contexts::{self, ConfigFile};
use crate::settings::ConfigJob;

pub fn run(cmd: &ConfigJob, path: &Path, explicit: bool, selected: Option<&str>, term: &Term) -> Result<u8> {
    match cmd {
        ConfigJob::View => {
            contexts::load(path, explicit)?;
            match contexts::masked_text(path)? {
                Some(text) => term.emit(&format!("# {}\n{text}", path.display()))?,
                None => term.note(&format!(
                    "no config file at {} (actorctl reads its contexts from there; see the README, Contexts)",
                    path.display()
                )),
            }
        }
        ConfigJob::GetContexts => {
            let file = contexts::load(path, explicit)?;
            term.emit(&table(&file, selected))?;
        }
        ConfigJob::UseContext(name) => {
            contexts::use_context(path, name)?;
            term.note(&format!("switched to context \"{name}\" in {}", path.display()));
        }
    }
    Ok(EXIT_OK)
}

fn table(file: &ConfigFile, selected: Option<&str>) -> String {
    let current = selected.or(file.current_context.as_deref());
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(["CURRENT", "NAME", "DATABASE", "BACKEND"]);
    for (name, c) in &file.contexts {
        let db = c
            .database_url
            .as_deref()
            .map(contexts::redact_url)
            .or_else(|| c.host.as_ref().map(|h| format!("host={h}")))
            .unwrap_or_else(|| "(libpq environment)".into());
        t.add_row(vec![
            if Some(name.as_str()) == current { "*" } else { "" }.to_string(),
            name.clone(),
            db,
            c.backend.clone().unwrap_or_else(|| "duroxide".into()),
        ]);
    }
    strip_margin(&t.to_string())
}
