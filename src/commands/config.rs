//! `actorctl config view|get-contexts|use-context`

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};
use std::path::Path;

use crate::core::error::{usage, EXIT_OK};
use crate::output::render::actors::strip_margin;
use crate::output::Term;
use crate::settings::contexts::{self, ConfigFile};
use crate::settings::ConfigJob;

pub fn run(cmd: &ConfigJob, path: &Path, explicit: bool, selected: Option<&str>, term: &Term) -> Result<u8> {
    match cmd {
        ConfigJob::View => {
            let file = contexts::load(path, explicit)?;
            let text = toml::to_string_pretty(&contexts::redacted(&file))
                .map_err(|e| usage(format!("cannot show {}: {e}", path.display())))?;
            term.emit(&format!("# {}\n{text}", path.display()))?;
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
