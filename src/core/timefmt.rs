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
        // Pieces written one by one, not through `write!`: the
        // classification writes two or three ages per row.
        if ms >= 0 {
            std::fmt::Display::fmt(&Compact((ms / 1000).unsigned_abs()), f)?;
            f.write_str(" ago")
        } else {
            // Round the future up: a timer 0.4 s away is "in 1s", not "0s ago".
            f.write_str("in ")?;
            std::fmt::Display::fmt(&Compact((ms.unsigned_abs()).div_ceil(1000)), f)
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
        let units: [(u64, u8); 2] = match (d, h, m) {
            (0, 0, 0) => [(s, b's'), (0, 0)],
            (0, 0, _) if s == 0 || m >= 10 => [(m, b'm'), (0, 0)],
            (0, 0, _) => [(m, b'm'), (s, b's')],
            (0, _, _) if m == 0 => [(h, b'h'), (0, 0)],
            (0, _, _) => [(h, b'h'), (m, b'm')],
            _ if h == 0 => [(d, b'd'), (0, 0)],
            _ => [(d, b'd'), (h, b'h')],
        };
        // Digits (itoa) gathered in a buffer and written out at once:
        // `write!` costs five times as much, and the classification writes
        // two per row.
        let mut buf = [0u8; 44];
        let mut end = 0;
        let mut digits = itoa::Buffer::new();
        for (n, unit) in units.into_iter().filter(|&(_, u)| u != 0) {
            let text = digits.format(n).as_bytes();
            buf[end..end + text.len()].copy_from_slice(text);
            buf[end + text.len()] = unit;
            end += text.len() + 1;
        }
        f.write_str(std::str::from_utf8(&buf[..end]).map_err(|_| std::fmt::Error)?)
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
    t.map(|t| Stamp(Some(t)).to_string())
}

/// A time as JSON writes it: RFC 3339 in UTC to the millisecond
/// (`2026-11-26T17:43:33.123Z`), or null. Written without `chrono`'s
/// formatting machinery or a String of its own: a `list -o json` at 100k
/// rows writes 300k of them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stamp(pub(crate) Option<DateTime<Utc>>);

impl Stamp {
    /// The common case (years 0–9999, no leap second) into `buf`; `None`
    /// for the rest, which `chrono` writes.
    fn fast(t: DateTime<Utc>, buf: &mut [u8; 24]) -> Option<&str> {
        use chrono::{Datelike, Timelike};
        // The fields of the naive time: a DateTime's own accessors add the
        // (zero) offset again on each call.
        let t = t.naive_utc();
        let (year, nanos) = (t.year(), t.nanosecond());
        if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 {
            return None;
        }
        let mut put = |at: usize, width: usize, mut v: u32| {
            for k in (at..at + width).rev() {
                buf[k] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, 4, year as u32);
        put(5, 2, t.month());
        put(8, 2, t.day());
        put(11, 2, t.hour());
        put(14, 2, t.minute());
        put(17, 2, t.second());
        put(20, 3, nanos / 1_000_000);
        for (at, sep) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'.'), (23, b'Z')] {
            buf[at] = sep;
        }
        std::str::from_utf8(buf).ok()
    }
}

impl Stamp {
    /// The text of `t`, handed to `write`: from the fast path where it
    /// applies, else from `chrono`.
    fn with_text<R>(t: DateTime<Utc>, write: impl FnOnce(&str) -> R) -> R {
        match Stamp::fast(t, &mut [0; 24]) {
            Some(s) => write(s),
            None => write(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
}

impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(t) => Stamp::with_text(t, |s| f.write_str(s)),
            None => f.write_str("null"),
        }
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(t) => Stamp::with_text(t, |s| ser.serialize_str(s)),
            None => ser.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The fast path writes what chrono writes, in and out of years
        /// 0–9999 (out of them chrono writes it).
        #[test]
        fn a_stamp_is_what_chrono_writes(ms in -80_000_000_000_000i64..300_000_000_000_000i64, sub in 0u32..1_000_000) {
            let t = DateTime::from_timestamp_millis(ms).unwrap() + chrono::Duration::nanoseconds(i64::from(sub));
            let chrono = t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            proptest::prop_assert_eq!(Stamp(Some(t)).to_string(), chrono.clone());
            proptest::prop_assert_eq!(serde_json::to_string(&Stamp(Some(t))).unwrap(), format!("\"{chrono}\""));
        }
    }

    #[test]
    fn stamps_at_the_edges() {
        for s in [
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
            "2026-11-26T17:43:33.1234Z",
            "1970-01-01T00:00:00Z",
        ] {
            let t = DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
            assert_eq!(Stamp(Some(t)).to_string(), t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
        }
        assert_eq!(serde_json::to_string(&Stamp(None)).unwrap(), "null");
        assert_eq!(rfc3339(None), None);
    }

    /// [`Compact`] as it was first written, with `write!`.
    fn compact_by_write(secs: u64) -> String {
        let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
        match (d, h, m) {
            (0, 0, 0) => format!("{s}s"),
            (0, 0, _) if s == 0 || m >= 10 => format!("{m}m"),
            (0, 0, _) => format!("{m}m{s}s"),
            (0, _, _) if m == 0 => format!("{h}h"),
            (0, _, _) => format!("{h}h{m}m"),
            _ if h == 0 => format!("{d}d"),
            _ => format!("{d}d{h}h"),
        }
    }

    proptest::proptest! {
        #[test]
        fn compact_writes_what_write_wrote(secs in proptest::prop_oneof![0u64..200_000, proptest::num::u64::ANY]) {
            proptest::prop_assert_eq!(compact(secs), compact_by_write(secs));
        }

        #[test]
        fn relative_is_compact_ago_or_in(ms in -10_000_000_000i64..10_000_000_000i64) {
            let now = DateTime::from_timestamp_millis(1_800_000_000_000).unwrap();
            let t = now - chrono::Duration::milliseconds(ms);
            let want = if ms >= 0 {
                format!("{} ago", compact_by_write(ms as u64 / 1000))
            } else {
                format!("in {}", compact_by_write(ms.unsigned_abs().div_ceil(1000)))
            };
            proptest::prop_assert_eq!(relative(Some(t), now), want);
        }
    }

    #[test]
    fn compact_ages() {
        assert_eq!(compact(u64::MAX), compact_by_write(u64::MAX));
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
