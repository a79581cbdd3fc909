//! `actorctl show <name>`

use anyhow::Result;

use crate::core::error::EXIT_OK;
use crate::core::model::Format;
use crate::ops::session::{Connections, Session, RESTART_WINDOW};
use crate::ops::show::gather;
use crate::output::render::show::ShowView;
use crate::output::Term;
use crate::settings::Settings;

pub(crate) async fn run(name: &str, s: &Settings, term: &Term) -> Result<u8> {
    let conns = Connections::open(s).await?;
    let mut session = Session::open(&conns, s).await?;
    let shown = gather(&session, name).await?;
    let fleet = session.fleet_of(RESTART_WINDOW, &[shown.instance.k8s_name.to_string()], &[]).await?;
    if let Some(note) = &shown.note {
        term.note(&format!("actorctl: note: {note}"));
    }
    let view = ShowView::new(&fleet.report, &shown);
    term.emit(&if s.format == Format::Json { view.json() } else { view.text() })?;
    Ok(EXIT_OK)
}
