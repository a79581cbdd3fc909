//! Human ages ("7m ago", "in 25s") and duration parsing with clear errors.

use chrono::{DateTime, Utc};
use std::time::Duration;

/// Compact age of `t` relative to `now`: "7m ago", "in 25s", "never".
pub(crate) fn relative(t: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    Relative(t, now).to_string()
}

/// [`relative`] as it is written into a longer text, without a String of
/// its own (the classification writes two or three per row).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Relative(pub(crate) Option<DateTime<Utc>>, pub(crate) DateTime<Utc>);

impl std::fmt::Display for Relative {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(t) = self.0 else {
            return f.write_str("never");
        };
        let ms = (self.1 - t).num_milliseconds();
        if ms >= 0 {
            write!(f, "{} ago", Compact((ms / 1000).unsigned_abs()))
        } else {
            // Round the future up: a timer 0.4 s away is "in 1s", not "0s ago".
            write!(f, "in {}", Compact((ms.unsigned_abs()).div_ceil(1000)))
        }
    }
}

/// "45s", "7m", "3h12m", "2d4h": two units at most, like kubectl.
pub(crate) fn compact(secs: u64) -> String {
    Compact(secs).to_string()
}

/// [`compact`], written in place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Compact(pub(crate) u64);

impl std::fmt::Display for Compact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.0;
        let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
        match (d, h, m) {
            (0, 0, 0) => write!(f, "{s}s"),
            (0, 0, _) if s == 0 || m >= 10 => write!(f, "{m}m"),
            (0, 0, _) => write!(f, "{m}m{s}s"),
            (0, _, _) if m == 0 => write!(f, "{h}h"),
            (0, _, _) => write!(f, "{h}h{m}m"),
            _ if h == 0 => write!(f, "{d}d"),
            _ => write!(f, "{d}d{h}h"),
        }
    }
}

/// Parse a humantime duration ("5m", "30s", "1h 30m") for a flag.
/// Negative or malformed values are rejected with a message naming the syntax.
pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    let trimmed = s.trim();
    if trimmed.starts_with('-') {
        return Err(format!("'{s}' is negative; give a positive duration such as 30s, 5m or 1h"));
    }
    humantime::parse_duration(trimmed)
        .map_err(|e| format!("'{s}' is not a duration ({e}); use e.g. 30s, 5m, 1h30m"))
}

pub(crate) fn rfc3339(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_ages() {
        assert_eq!(compact(0), "0s");
        assert_eq!(compact(59), "59s");
        assert_eq!(compact(90), "1m30s");
        assert_eq!(compact(7 * 60), "7m");
        assert_eq!(compact(3600 + 12 * 60), "1h12m");
        assert_eq!(compact(2 * 86_400 + 4 * 3600 + 5), "2d4h");
    }

    #[test]
    fn relative_past_future_never() {
        let now = Utc::now();
        assert_eq!(relative(Some(now - chrono::Duration::seconds(420)), now), "7m ago");
        assert_eq!(relative(Some(now + chrono::Duration::seconds(25)), now), "in 25s");
        assert_eq!(relative(None, now), "never");
        assert_eq!(relative(Some(now + chrono::Duration::milliseconds(400)), now), "in 1s");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert!(parse_duration("5parsecs").unwrap_err().contains("not a duration"));
        assert!(parse_duration("-3s").unwrap_err().contains("negative"));
    }
}
