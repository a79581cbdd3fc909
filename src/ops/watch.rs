//! `list --watch`: classify the fleet every interval (one fleet read each),
//! and ride out a lost database: say so once, retry with backoff, say when
//! it is back. Runs until the process is interrupted.

use anyhow::Result;
use std::time::Duration;

use super::session::{Connections, Session, RESTART_WINDOW};
use crate::core::classify::Report;
use crate::settings::Settings;

/// What each refresh hands to the renderer.
pub(crate) enum Tick<'a> {
    Fleet(&'a Report),
    /// The database went away (the first failure only).
    Lost(String),
    /// It is back.
    Back,
}

const MAX_BACKOFF: Duration = Duration::from_secs(30);

enum Ended {
    /// The database failed: retry.
    Lost(anyhow::Error),
    /// The renderer failed (a closed pipe): stop.
    Stop(anyhow::Error),
}

pub(crate) async fn watch(
    s: &Settings,
    interval: Duration,
    mut each: impl FnMut(Tick<'_>) -> Result<()>,
) -> Result<()> {
    let (mut lost, mut ever, mut backoff) = (false, false, Duration::from_millis(500));
    loop {
        match connected(s, interval, &mut each, &mut lost, &mut ever).await {
            Ended::Stop(e) => return Err(e),
            // Never connected: a wrong URL is an error now, not a retry loop.
            Ended::Lost(e) if !ever => return Err(e),
            Ended::Lost(e) => {
                if !lost {
                    lost = true;
                    backoff = Duration::from_millis(500);
                    each(Tick::Lost(format!("{e:#}")))?;
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

async fn connected(
    s: &Settings,
    interval: Duration,
    each: &mut impl FnMut(Tick<'_>) -> Result<()>,
    lost: &mut bool,
    ever: &mut bool,
) -> Ended {
    let conns = match Connections::open(s).await {
        Ok(c) => c,
        Err(e) => return Ended::Lost(e),
    };
    let mut session = match Session::open(&conns, s).await {
        Ok(session) => session,
        Err(e) => return Ended::Lost(e),
    };
    loop {
        let fleet = match session.fleet(RESTART_WINDOW).await {
            Ok(f) => f,
            Err(e) => return Ended::Lost(e),
        };
        *ever = true;
        if std::mem::take(lost) {
            if let Err(e) = each(Tick::Back) {
                return Ended::Stop(e);
            }
        }
        if let Err(e) = each(Tick::Fleet(&fleet.report)) {
            return Ended::Stop(e);
        }
        tokio::time::sleep(interval).await;
    }
}
