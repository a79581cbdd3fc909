//! The monitoring textfile, written so that a collector never reads half.

use anyhow::Result;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::render::monitor;
use crate::core::classify::Row;
use crate::core::model::ActionResult;

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

/// A sweep's textfile: the fleet, the sweep's metrics, and the time of the
/// last successful sweep (now, or carried over from the previous file).
pub(crate) fn write_sweep(
    path: &Path,
    rows: &[&Row],
    workers_down: bool,
    results: &[ActionResult],
    took: Duration,
    success: bool,
) -> Result<()> {
    let previous = std::fs::read_to_string(path).ok();
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64());
    let metrics = monitor::SweepMetrics {
        results,
        duration_secs: took.as_secs_f64(),
        success_at: success.then_some(now),
    };
    write_atomically(path, &monitor::textfile(rows, workers_down, Some(&metrics), previous.as_deref()))
}
