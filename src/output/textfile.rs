//! The monitoring textfile, written so that a collector never reads half.

use anyhow::Result;
use std::path::Path;
use std::time::SystemTime;

use super::render::monitor;
use crate::core::classify::{Diagnosis, Row};
use crate::core::prune::{PruneReport, StoreTotals};

/// Write atomically: a temp file in the same directory, then rename, so the
/// collector never reads half a file.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| crate::core::error::usage(format!("--textfile {} names no file", path.display())))?;
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, path)).map_err(|e| {
        // Never leave a temporary file behind; the previous file stays as it was.
        let _ = std::fs::remove_file(&tmp);
        crate::core::error::backend(format!("cannot write --textfile {}: {e}", path.display()))
    })
}

/// One run's textfile: what it saw, written over the previous file, whose
/// counters and last success it carries on. Written also when the run
/// could not read the databases (`fleet` is `None`, `actorctl_up 0`).
pub(crate) fn write(
    path: &Path,
    fleet: Option<(&[&Row], &Diagnosis)>,
    sweep: Option<monitor::SweepMetrics<'_>>,
    store: Option<(&StoreTotals, Option<&PruneReport>)>,
) -> Result<()> {
    let previous = std::fs::read_to_string(path).ok();
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64());
    let now = (now * 1000.0).round() / 1000.0;
    let snapshot = monitor::Snapshot { up: fleet.is_some(), now, fleet, sweep, store };
    write_atomically(path, &monitor::textfile(&snapshot, previous.as_deref()))
}
