//! `list` output: table, wide, json, jsonl; the summary line; the diagnosis.

use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

use super::sanitize::{clean, or_dash, truncate, width};
use crate::core::classify::{Class, Diagnosis, Report, Row};
use crate::core::timefmt::{relative, Stamp};
use chrono::{DateTime, Utc};

/// The JSON contract of one actor row (documented in the README).
#[derive(Debug, Serialize)]
pub(crate) struct ActorJson<'a> {
    pub(crate) name: Option<&'a str>,
    pub(crate) k8s_name: Option<&'a str>,
    pub(crate) namespace: Option<&'a str>,
    pub(crate) state: Option<&'a str>,
    pub(crate) health_status: Option<&'a str>,
    pub(crate) class: Class,
    pub(crate) actor_id: Option<&'a str>,
    pub(crate) actor_status: Option<&'a str>,
    pub(crate) last_health_check: Stamp,
    pub(crate) actor_updated_at: Stamp,
    pub(crate) next_timer_at: Stamp,
    pub(crate) quarantined: bool,
    pub(crate) evidence: &'a str,
}

impl<'a> From<&'a Row> for ActorJson<'a> {
    fn from(r: &'a Row) -> Self {
        ActorJson {
            name: r.name.as_deref(),
            k8s_name: r.k8s_name.as_deref(),
            namespace: r.namespace.as_deref(),
            state: r.state.as_ref().map(|s| s.as_str()),
            health_status: r.health_status.as_deref(),
            class: r.class,
            actor_id: r.actor_id.as_deref(),
            actor_status: r.actor_status.as_ref().map(|s| s.as_str()),
            last_health_check: Stamp(r.last_health_check),
            actor_updated_at: Stamp(r.last_progress),
            next_timer_at: Stamp(r.next_timer),
            quarantined: r.quarantined,
            evidence: &r.evidence,
        }
    }
}

/// Counts per class, every class present (zeros included).
pub(crate) fn summary(rows: &[&Row]) -> BTreeMap<&'static str, usize> {
    Class::ALL.iter().map(|c| (c.as_str(), rows.iter().filter(|r| r.class == *c).count())).collect()
}

/// The `list -o json` document, written row by row: the same bytes as the
/// pretty-printed document built whole, without building it. At 100k rows
/// (56 MB) the rendering is a fifth of `list`, so rows are rendered in
/// chunks, every other chunk on a second thread, and written in order.
pub(crate) fn write_json(w: &mut dyn Write, rows: &[&Row], diagnosis: &Diagnosis) -> std::io::Result<()> {
    write_json_chunked(w, rows, diagnosis, JSON_CHUNK)
}

/// Rows per chunk: about 1 MB of JSON, two chunks in memory at a time.
const JSON_CHUNK: usize = 2048;

pub(super) fn write_json_chunked(
    w: &mut dyn Write,
    rows: &[&Row],
    diagnosis: &Diagnosis,
    chunk: usize,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        actors: [(); 0],
        summary: BTreeMap<&'static str, usize>,
        diagnosis: &'a Diagnosis,
    }
    // The document around the rows, as serde_json writes it without any:
    // `"actors": []`, the rows going between the brackets.
    let around = serde_json::to_vec_pretty(&Doc { actors: [], summary: summary(rows), diagnosis })?;
    let open = b"\"actors\": [";
    let at = around.windows(open.len()).position(|x| x == open).map(|p| p + open.len());
    let (Some(at), false) = (at, rows.is_empty()) else {
        w.write_all(&around)?;
        return w.write_all(b"\n");
    };
    w.write_all(&around[..at])?;
    let chunks: Vec<&[&Row]> = rows.chunks(chunk.max(1)).collect();
    let render = |k: usize| json_elements(chunks[k], k == 0);
    if chunks.len() < 2 || std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        for k in 0..chunks.len() {
            w.write_all(&render(k)?)?;
        }
    } else {
        // The second thread renders the odd chunks, at most one ahead.
        std::thread::scope(|scope| -> std::io::Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            let (render, n) = (&render, chunks.len());
            scope.spawn(move || {
                for k in (1..n).step_by(2) {
                    if tx.send(render(k)).is_err() {
                        return;
                    }
                }
            });
            for k in 0..chunks.len() {
                let bytes =
                    if k % 2 == 0 { render(k)? } else { rx.recv().map_err(std::io::Error::other)?? };
                w.write_all(&bytes)?;
            }
            Ok(())
        })?;
    }
    w.write_all(b"\n  ]")?;
    w.write_all(&around[at + 1..])?;
    w.write_all(b"\n")
}

/// Rows as elements of the pretty-printed `actors` array (two levels deep),
/// each serialized straight into the chunk at that depth.
fn json_elements(rows: &[&Row], first: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(rows.len() * 640);
    for (k, r) in rows.iter().enumerate() {
        out.extend_from_slice(if first && k == 0 { b"\n    " } else { b",\n    " });
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested { depth: 2, has_value: false });
        ActorJson::from(*r).serialize(&mut ser)?;
    }
    Ok(out)
}

/// serde_json's pretty layout (two spaces a level, `"key": value`),
/// starting `depth` levels in.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn line<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut n = 2 * self.depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// One JSON object per line, per row.
pub(crate) fn write_jsonl(w: &mut dyn Write, rows: &[&Row]) -> std::io::Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *w, &ActorJson::from(*r)).map_err(std::io::Error::from)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// How a `list` table is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableStyle {
    pub(crate) wide: bool,
    pub(crate) headers: bool,
    pub(crate) color: bool,
    /// The terminal's width: the evidence is cut to fit (never in `wide`).
    pub(crate) width: Option<usize>,
}

pub(crate) fn table(report: &Report, rows: &[&Row], style: TableStyle) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_table(&mut out, report, rows, style);
    String::from_utf8(out).unwrap_or_default()
}

/// The table, written line by line as it is produced: what comfy-table
/// draws with the borderless preset and [`strip_margin`] (columns two
/// spaces apart, no trailing blanks, the class coloured on a terminal),
/// without holding every cell and the whole text at once (300 MB at 100k
/// instances). Two passes over the rows: widths, then lines (and, without
/// headers, one more for the margin).
pub(crate) fn write_table(
    w: &mut dyn Write,
    report: &Report,
    rows: &[&Row],
    style: TableStyle,
) -> std::io::Result<()> {
    // As comfy-table: colour only when stdout is a terminal.
    let styled = style.color && std::io::IsTerminal::is_terminal(&std::io::stdout());
    write_table_styled(w, report, rows, style, styled)
}

pub(super) fn write_table_styled(
    w: &mut dyn Write,
    report: &Report,
    rows: &[&Row],
    style: TableStyle,
    styled: bool,
) -> std::io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut head = head(style.wide);
    let cells = |r: &Row| cells(r, report.now, style.wide);
    let header = |i: usize| if style.headers { width(head[i]) } else { 0 };
    let mut widths: Vec<usize> = (0..head.len()).map(header).collect();
    for r in rows {
        for (i, c) in cells(r).iter().enumerate() {
            widths[i] = widths[i].max(width(c));
        }
    }
    // Every column but the evidence, two spaces apart: what is left is the
    // evidence's, so that a row never wraps on a terminal.
    let used: usize = widths.iter().map(|w| w + 2).sum();
    let room = style.width.filter(|_| !style.wide).map(|w| w.saturating_sub(used).max(12));
    let evidence = |r: &Row| {
        let evidence = clean(&r.evidence);
        match room {
            Some(room) => truncate(&evidence, room).into_owned(),
            None => evidence.into_owned(),
        }
    };
    head.push("EVIDENCE");
    widths.push(if style.headers { width("EVIDENCE") } else { 0 });
    for r in rows {
        let last = widths.len() - 1;
        widths[last] = widths[last].max(width(&evidence(r)));
    }
    let header_cells = || head.iter().map(|h| (h.to_string(), None)).collect::<Vec<_>>();
    let row_cells = |r: &Row| {
        let mut line: Vec<(String, Option<Class>)> = cells(r).into_iter().map(|c| (c, None)).collect();
        line[1].1 = Some(r.class).filter(|_| styled);
        line.push((evidence(r), None));
        line
    };
    // The common margin of the lines: every line starts with its first
    // cell's pad, and the header's first cell is `NAME`, so with headers it
    // is that one blank. Without, a pass finds it (the blank lines comfy-table
    // draws for its empty borders, and a row that is all blanks, have none).
    let mut line = String::new();
    let margin = if style.headers {
        1
    } else {
        let mut margin = usize::MAX;
        for r in rows {
            draw(&mut line, &row_cells(r), &widths);
            if !line.trim_matches(' ').is_empty() {
                margin = margin.min(line.len() - line.trim_start_matches(' ').len());
            }
        }
        if margin == usize::MAX {
            0
        } else {
            margin
        }
    };
    let mut write = |cells: Vec<(String, Option<Class>)>| {
        draw(&mut line, &cells, &widths);
        if line.trim_matches(' ').is_empty() {
            return Ok(());
        }
        w.write_all(line[margin..].trim_end_matches(' ').as_bytes())?;
        w.write_all(b"\n")
    };
    if style.headers {
        write(header_cells())?;
    }
    for r in rows {
        write(row_cells(r))?;
    }
    Ok(())
}

/// The columns before the evidence.
pub(super) fn head(wide: bool) -> Vec<&'static str> {
    let mut head = vec!["NAME", "CLASS", "ACTOR", "HEALTH CHECK", "PROGRESS"];
    if wide {
        head.extend(["K8S NAME", "NAMESPACE", "STATE", "ACTOR ID", "NEXT TIMER"]);
    }
    head
}

/// A row's cells before the evidence, cleaned for the terminal.
pub(super) fn cells(r: &Row, now: DateTime<Utc>, wide: bool) -> Vec<String> {
    let mut cells = vec![
        clean(r.name.as_deref().or(r.k8s_name.as_deref()).unwrap_or("-")).into_owned(),
        class_text(r.class, r.quarantined),
        or_dash(r.actor_status.as_ref().map(|s| s.as_str())).into_owned(),
        relative(r.last_health_check, now),
        r.last_progress.map_or("-".into(), |p| relative(Some(p), now)),
    ];
    if wide {
        cells.extend([
            or_dash(r.k8s_name.as_deref()).into_owned(),
            or_dash(r.namespace.as_deref()).into_owned(),
            or_dash(r.state.as_ref().map(|s| s.as_str())).into_owned(),
            or_dash(r.actor_id.as_deref()).into_owned(),
            r.next_timer.map_or("-".into(), |p| relative(Some(p), now)),
        ]);
    }
    cells
}

/// One line as comfy-table's borderless preset draws it: no borders, each
/// cell padded by a blank on each side and filled to its column's width
/// (at least one column, also for a column of empty cells).
fn draw(line: &mut String, cells: &[(String, Option<Class>)], widths: &[usize]) {
    line.clear();
    for ((text, class), w) in cells.iter().zip(widths) {
        let fill = (*w).max(1).saturating_sub(width(text));
        match class {
            Some(class) => line.push_str(&color_class(format!(" {text}{} ", " ".repeat(fill)), *class)),
            None => {
                line.push(' ');
                line.push_str(text);
                line.extend(std::iter::repeat_n(' ', fill + 1));
            }
        }
    }
}

/// The borderless preset still pads the outer cells: drop that margin
/// (ASCII spaces only: a cell may begin with other white space).
pub(crate) fn strip_margin(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim_matches(' ').is_empty()).collect();
    let margin = lines.iter().map(|l| l.len() - l.trim_start_matches(' ').len()).min().unwrap_or(0);
    lines.iter().map(|l| format!("{}\n", l[margin..].trim_end_matches(' '))).collect()
}

/// The class, and `/quarantined` for an instance the crash-loop budget stopped.
fn class_text(class: Class, quarantined: bool) -> String {
    if quarantined {
        format!("{class}/quarantined")
    } else {
        class.to_string()
    }
}

/// The class in its colour, as comfy-table styles a cell (crossterm).
fn color_class(text: String, class: Class) -> String {
    use crossterm::style::{style, Attribute, Color, Stylize};
    let content = style(text);
    let content = match class {
        Class::Healthy => content.with(Color::Green),
        Class::Held => content.with(Color::Cyan),
        Class::Stale | Class::Orphan | Class::Stuck => content.with(Color::Yellow),
        _ => content.with(Color::Red).attribute(Attribute::Bold),
    };
    content.to_string()
}

/// "20 actors: 7 healthy, 3 stale, ..." for stderr; zero counts omitted.
pub(crate) fn summary_line(rows: &[&Row]) -> String {
    let counts = summary(rows);
    let parts: Vec<String> = Class::ALL
        .iter()
        .filter(|c| counts[c.as_str()] > 0)
        .map(|c| format!("{} {}", counts[c.as_str()], c.as_str()))
        .collect();
    let noun = if rows.len() == 1 { "row" } else { "rows" };
    if parts.is_empty() {
        format!("0 {noun}")
    } else {
        format!("{} {noun}: {}", rows.len(), parts.join(", "))
    }
}
