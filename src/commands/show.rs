//! `actorctl show <name>`

use anyhow::Result;

use crate::classify::{Class, Row};
use crate::cli::{ShowArgs, ShowFormat};
use crate::config::Settings;
use crate::error::EXIT_OK;
use crate::output::{self, show::ShowView};

pub async fn run(args: ShowArgs, s: &Settings) -> Result<u8> {
    let conns = super::Connections::open(s).await?;
    let (cms, store, fleet) = super::gather(&conns, s, args.stale_after).await?;
    let (id, instance, note) = cms.resolve_noted(&args.name).await?;
    if let Some(note) = note {
        output::note(&format!("actorctl: note: {note}"));
    }

    let row: Option<&Row> = fleet
        .report
        .rows
        .iter()
        .find(|r| r.class != Class::Orphan && r.k8s_name.as_deref() == Some(instance.k8s_name.as_str()));
    let orphans: Vec<&Row> = fleet
        .report
        .rows
        .iter()
        .filter(|r| r.class == Class::Orphan && r.k8s_name.as_deref() == Some(instance.k8s_name.as_str()))
        .collect();
    let detail = match &instance.actor_id {
        Some(actor) => Some(store.actor_detail(actor).await?),
        None => None,
    };
    let view = ShowView {
        now: fleet.report.now,
        instance: &instance,
        row,
        orphans,
        detail,
        health_checks: cms.health_checks(id, 5).await?,
        events: cms.actor_events(id, 10).await?,
        diagnosis: &fleet.report.diagnosis,
    };
    let text = match args.output {
        ShowFormat::Json => view.json(),
        ShowFormat::Text => view.text(),
    };
    output::emit(&text)?;
    Ok(EXIT_OK)
}
