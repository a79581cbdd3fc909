//! Reports that take several writes to the terminal.

use std::time::Duration;

use super::render::{results, sweep as render};
use super::Term;
use crate::core::classify::Row;
use crate::core::guard::End;

/// How a sweep's report is printed.
pub(crate) struct Printed {
    pub(crate) json: bool,
    pub(crate) quiet: bool,
    /// The crash-loop window, for the quarantine notes.
    pub(crate) window: Duration,
    pub(crate) took: Duration,
    /// The advisory lock another sweep holds.
    pub(crate) lock: Option<i64>,
}

/// A sweep's report: quiet unless something failed, refused or is
/// quarantined (for cron mail); a refusal in one line.
pub(crate) fn print_sweep(term: &Term, report: &render::Report<'_>, p: Printed) -> std::io::Result<()> {
    if let Some(key) = p.lock.filter(|_| !p.quiet) {
        term.note(&format!("actorctl: another sweep holds the lock (advisory lock {key}); nothing to do"));
    }
    let quarantined: Vec<&Row> = report.rows.iter().copied().filter(|r| r.quarantined).collect();
    let failed = report.result() == "failed" || report.refusal.is_some();
    let speak = !p.quiet || failed || !quarantined.is_empty();
    if let Some((reason, would)) = report.refusal {
        let (line, rows) = render::refusal(reason, would, p.quiet || p.json);
        term.note(&line);
        if let Some(rows) = rows {
            term.note(rows.trim_end());
        }
    }
    if p.json {
        if speak || report.lock_held {
            term.emit(&render::json(report))?;
        }
    } else if report.refusal.is_none() && !report.lock_held && speak {
        let acted = render::acted(report.results);
        if !acted.is_empty() {
            term.emit(&results::table(&acted, term.color()))?;
        }
        for line in render::quarantine_notes(&quarantined, p.window) {
            term.note(&line);
        }
        if let Some(note) = report.prune_note() {
            term.note(&note);
        }
        term.note(&format!(
            "sweep: {} in {:.1}s",
            results::summary_line(report.results),
            p.took.as_secs_f64()
        ));
    }
    Ok(())
}

/// A backend became unusable midway: said once, after the report.
pub(crate) fn print_lost(term: &Term, end: &End) {
    if let Some(lost) = &end.lost {
        term.note(&format!("actorctl: error: stopped starting new actions: {lost}"));
    }
}
