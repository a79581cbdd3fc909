//! The reader of the store's core tables: the fleet (or a few actors) in
//! one round trip, one actor's detail, the states of some.

use anyhow::Result;
use chrono::{DateTime, Utc};

use memchr::memmem::Finder;
use std::sync::LazyLock;
use tokio_postgres::Client;

use crate::core::classify::{ActivityWait, QueuedStart, StoreActor, StoreSnapshot};
use crate::core::error::BackendContext;
use crate::core::history::{from_aggregates, summarize, Aggregates, Event, Kind, Summary};
use crate::core::model::ActorStatus;
use crate::core::records::{ActorDetail, ActorState, ExecutionRow, QueueItem};
use crate::io::db::Sql;

/// Which actors a read covers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// Every instance of the actor orchestration, or one part of them.
    Fleet(&'a str, Part<'a>),
    /// These instance ids, of any orchestration.
    Ids(&'a [String]),
}

/// The fleet whole, or one of two halves split at an actor id (see
/// [`split_key`]): ids below it, and the rest. Every row of an actor
/// (instance, execution, history, queue items) falls in the same half, so
/// each actor is read whole by one statement; and each half reads only its
/// own range of the tables' indexes. The fleet-wide queue health comes with
/// the whole and the first half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part<'a> {
    Whole,
    Below(&'a str),
    From(&'a str),
}

impl Part<'_> {
    /// The condition on `column` ($2 is the split key).
    fn filter(&self, column: &str) -> String {
        match self {
            Part::Whole => "true".to_string(),
            Part::Below(_) => format!("{column} < $2"),
            Part::From(_) => format!("{column} >= $2"),
        }
    }
}

impl Scope<'_> {
    /// The filters on `instances i`, on `executions e`, on
    /// `orchestrator_queue q`, and whether the statement reports the fleet's
    /// queue health.
    fn filters(&self) -> (String, String, String, bool) {
        match self {
            Scope::Fleet(_, part) => (
                format!("i.orchestration_name = $1 AND {}", part.filter("i.instance_id")),
                part.filter("e.instance_id"),
                part.filter("q.instance_id"),
                !matches!(part, Part::From(_)),
            ),
            Scope::Ids(_) => {
                ("i.instance_id = ANY($1)".into(), "true".into(), "q.instance_id = ANY($1)".into(), true)
            }
        }
    }
}

/// An event's kind, the value of its top-level `type` (see [`SNAPSHOT_SQL`]),
/// for the event-by-event pass. The compact `"type":"` that serde writes is
/// cut out first (a third cheaper at 500k events); only where it is absent
/// is a space after the colon looked for.
const EVENT_KIND: &str = "coalesce(nullif(__COMPACT__, ''), nullif(__SPACED__, ''))";

/// The same kind as a number, for the aggregates: each event's kind is
/// compared with the kinds they count once, here, not once in each of their
/// nine filters (a text comparison costs ten times a number's). 1 an
/// activity scheduled, 2 one ended, 3 one's cancellation, 4 a timer
/// created, 5 one fired, 0 any other kind, NULL none (as [`EVENT_KIND`]
/// is NULL there: both cuts empty).
const EVENT_CODE: &str = "CASE coalesce(nullif(__COMPACT__, ''), __SPACED__)
                WHEN 'ActivityScheduled' THEN 1 WHEN 'ActivityCompleted' THEN 2 WHEN 'TimerCreated' THEN 4
                WHEN 'TimerFired' THEN 5 WHEN 'ActivityFailed' THEN 2 WHEN 'ActivityCancelRequested' THEN 3
                WHEN '' THEN NULL ELSE 0 END";

/// The kind as serde writes it, `"type":"Kind"`, and with a space after the
/// colon; each is empty where the other form (or none) is used.
const KIND_COMPACT: &str = r#"split_part(split_part(h.event_data, '"type":"', 2), '"', 1)"#;
const KIND_SPACED: &str = r#"split_part(ltrim(split_part(h.event_data, '"type":', 2), ' "'), '"', 1)"#;

/// One statement, so one snapshot of the store: rows of three kinds. `a`:
/// an actor, with its current execution and, from that execution's history
/// (read through the index, so a deep store of earlier executions costs
/// nothing), the few fields of each event the classification needs, its
/// queued messages and timers, and its activities in the worker queue. `s`:
/// a queued start without an instance row yet (`events` is the work item).
/// `d`, once (where the scope asks for it): the fleet's queue health, the oldest due unlocked
/// orchestrator item (`created_at`) and the locks held now (`messages`).
///
/// The event fields are cut out of the serialized event's top-level keys
/// with `split_part` instead of a `jsonb` parse, which costs ten times the
/// read itself at 100k actors. Sound because serde writes the keys (`type`,
/// `source_event_id`, `name`, `fire_at_ms`) before any nested value, and
/// inside a JSON string every quote is escaped, so `"type":` cannot occur
/// there. An event without a top-level `type` (the oldest store format) has
/// no kind, as it had with the jsonb reader. Events are separated by
/// U+001E, fields by U+001F: id, kind, source, fire_at_ms, scheduled-at
/// (µs), activity name. Activities are matched to actors through the work
/// item (every store version has it), not `worker_queue.instance_id`.
const SNAPSHOT_SQL: &str = r#"
WITH now_ms AS MATERIALIZED (SELECT (extract(epoch FROM now()) * 1000)::bigint AS ms),
acts AS MATERIALIZED (
    SELECT w.work_item::jsonb -> 'ActivityExecute' ->> 'instance' AS instance_id,
           (w.work_item::jsonb -> 'ActivityExecute' ->> 'id')::bigint AS activity_id,
           bool_or(w.lock_token IS NOT NULL AND w.locked_until > now_ms.ms) AS locked
      FROM __S__.worker_queue w, now_ms
     WHERE w.work_item LIKE '{"ActivityExecute"%'
     GROUP BY 1, 2
)
SELECT 'a' AS kind, i.instance_id, i.orchestration_name, e.status, i.created_at, i.updated_at, e.started_at,
       e.completed_at, i.current_execution_id, h.last_history, coalesce(h.scheduled, 0) AS scheduled,
       coalesce(h.ended, 0) AS ended, coalesce(h.cancels, 0) AS cancels, h.last_activity,
       coalesce(h.timers, 0) AS timer_count, h.loop_timer, h.fired,
       CASE WHEN h.scheduled <> h.ended OR h.cancels > 0 OR (h.fired = h.newest_timer AND h.timers > 1) THEN (
           SELECT string_agg(h.event_id || E'\x1f' || coalesce(k.kind, '') || E'\x1f' ||
                      CASE WHEN k.kind IN ('ActivityCompleted', 'ActivityFailed', 'ActivityCancelRequested', 'TimerFired')
                           THEN split_part(split_part(h.event_data, '"source_event_id":', 2), ',', 1) ELSE '' END || E'\x1f' ||
                      CASE WHEN k.kind = 'TimerCreated'
                           THEN split_part(split_part(h.event_data, '"fire_at_ms":', 2), ',', 1) ELSE '' END || E'\x1f' ||
                      CASE WHEN k.kind = 'ActivityScheduled'
                           THEN (extract(epoch FROM h.created_at) * 1000000)::bigint || E'\x1f' ||
                                split_part(ltrim(split_part(h.event_data, '"name":', 2), ' "'), '"', 1)
                           ELSE E'\x1f' END, E'\x1e')
             FROM __S__.history h
             CROSS JOIN LATERAL (
                 SELECT __KIND__ AS kind
                 OFFSET 0) k
            WHERE h.instance_id = i.instance_id AND h.execution_id = i.current_execution_id)
       END AS events,
       coalesce(q.messages, 0)::bigint AS messages, q.timers,
       l.instance_id IS NOT NULL AS locked, coalesce(wq.n, 0)::bigint AS activities, wq.locked_ids
  FROM __S__.instances i
  LEFT JOIN __S__.executions e ON e.instance_id = i.instance_id AND e.execution_id = i.current_execution_id AND __E__
  LEFT JOIN LATERAL (
      -- The common case in aggregates; `events` (every event) only where
      -- they cannot tell: an activity without its end, a cancelled one, or
      -- a fired newest timer with older ones that may be the loop timer.
      -- `OFFSET 0` keeps the kind's code a column computed once per event:
      -- pulled up, its expression would be computed in every FILTER (3x the
      -- time). A subquery of the events, not a lateral one per event: a
      -- tenth fewer instructions for the whole statement.
      SELECT max(h.created_at) FILTER (WHERE h.code <> 5) AS last_history,
             count(*) FILTER (WHERE h.code = 1) AS scheduled,
             count(*) FILTER (WHERE h.code = 2) AS ended,
             count(*) FILTER (WHERE h.code = 3) AS cancels,
             max(h.event_id) FILTER (WHERE h.code = 1) AS last_activity,
             count(*) FILTER (WHERE h.code = 4) AS timers,
             max(h.event_id) FILTER (WHERE h.code = 4) AS newest_timer,
             -- The newest timer's id and fire time, as "<id padded> <fire_at_ms>".
             max(lpad(h.event_id::text, 20, '0') || ' ' ||
                 split_part(split_part(h.event_data, '"fire_at_ms":', 2), ',', 1))
                 FILTER (WHERE h.code = 4) AS loop_timer,
             max(nullif(regexp_replace(split_part(split_part(h.event_data, '"source_event_id":', 2), ',', 1), '[^0-9]', '', 'g'), '')::bigint)
                 FILTER (WHERE h.code = 5) AS fired
        FROM (SELECT h.event_id, h.created_at, h.event_data, __CODE__ AS code
                FROM __S__.history h
               WHERE h.instance_id = i.instance_id AND h.execution_id = i.current_execution_id
              OFFSET 0) h) h ON true
  LEFT JOIN (
      -- What can wake an execution: messages, and its loop timer (matched
      -- by the reader: leftover activity-timeout timers wake nothing).
      SELECT q.instance_id, count(*) FILTER (WHERE q.work_item NOT LIKE '{"TimerFired"%') AS messages,
             -- The timer items whole: the reader cuts out their two numbers
             -- (four cuts here cost a tenth of the statement's instructions).
             string_agg(q.work_item, E'\x1e') FILTER (WHERE q.work_item LIKE '{"TimerFired"%') AS timers
        FROM __S__.orchestrator_queue q WHERE __Q__ GROUP BY q.instance_id) q ON q.instance_id = i.instance_id
  LEFT JOIN (
      SELECT instance_id, count(*) AS n, string_agg(activity_id::text, ',') FILTER (WHERE locked) AS locked_ids
        FROM acts GROUP BY instance_id) wq ON wq.instance_id = i.instance_id
  LEFT JOIN (SELECT l.instance_id FROM __S__.instance_locks l, now_ms WHERE l.locked_until > now_ms.ms) l
         ON l.instance_id = i.instance_id
 WHERE __I__
UNION ALL
SELECT 's', q.instance_id, NULL, NULL, q.created_at, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, 0, NULL, NULL,
       q.work_item, 0, NULL,
       false, 0, NULL
  FROM __S__.orchestrator_queue q
 WHERE q.work_item LIKE '{"StartOrchestration"%' AND __Q__
   AND NOT EXISTS (SELECT 1 FROM __S__.instances i WHERE i.instance_id = q.instance_id)
UNION ALL
SELECT 'd', NULL, NULL, NULL,
       (SELECT min(q.visible_at) FROM __S__.orchestrator_queue q, now_ms
         WHERE q.visible_at <= now() AND (q.lock_token IS NULL OR q.locked_until <= now_ms.ms)),
       NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, 0, NULL, NULL, NULL,
       (SELECT count(*) FROM __S__.instance_locks l, now_ms WHERE l.locked_until > now_ms.ms)
     + (SELECT count(*) FROM __S__.worker_queue w, now_ms
         WHERE w.lock_token IS NOT NULL AND w.locked_until > now_ms.ms),
       NULL, false, 0, NULL
 WHERE __D__
"#;

/// The median id of the actor orchestration's instances, from a sample of
/// about 2,000 of them (Bernoulli: every row equally likely, wherever it
/// lies in the table), to split the fleet read into two halves of about
/// the same size; none where there are no actors.
pub(crate) async fn split_key(client: &Client, schema: &str, orchestration: &str) -> Result<Option<String>> {
    let sql = format!(
        "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY i.instance_id)
           FROM {schema}.instances i TABLESAMPLE BERNOULLI ((
                SELECT least(100, 200000 / greatest(c.reltuples, 1)) FROM pg_class c
                 WHERE c.oid = to_regclass(format('%I.instances', $2::text))))
          WHERE i.orchestration_name = $1"
    );
    let row = client
        .row(&sql, &[&orchestration, &schema])
        .await
        .backend_context(|| format!("cannot read the orchestration store {schema}"))?;
    Ok(row.get(0))
}

/// The columns of [`SNAPSHOT_SQL`], in order, and each one's position
/// (a name is looked up column by column on every get), found in that
/// order when compiling; [`check_columns`] holds the order to the
/// statement's.
mod col {
    pub(super) const NAMES: [&str; 23] = [
        "kind",
        "instance_id",
        "orchestration_name",
        "status",
        "created_at",
        "updated_at",
        "started_at",
        "completed_at",
        "current_execution_id",
        "last_history",
        "scheduled",
        "ended",
        "cancels",
        "last_activity",
        "timer_count",
        "loop_timer",
        "fired",
        "events",
        "messages",
        "timers",
        "locked",
        "activities",
        "locked_ids",
    ];

    pub(super) const KIND: usize = at("kind");
    pub(super) const INSTANCE_ID: usize = at("instance_id");
    pub(super) const ORCHESTRATION_NAME: usize = at("orchestration_name");
    pub(super) const STATUS: usize = at("status");
    pub(super) const CREATED_AT: usize = at("created_at");
    pub(super) const UPDATED_AT: usize = at("updated_at");
    pub(super) const STARTED_AT: usize = at("started_at");
    pub(super) const COMPLETED_AT: usize = at("completed_at");
    pub(super) const CURRENT_EXECUTION_ID: usize = at("current_execution_id");
    pub(super) const LAST_HISTORY: usize = at("last_history");
    pub(super) const SCHEDULED: usize = at("scheduled");
    pub(super) const ENDED: usize = at("ended");
    pub(super) const CANCELS: usize = at("cancels");
    pub(super) const LAST_ACTIVITY: usize = at("last_activity");
    pub(super) const TIMER_COUNT: usize = at("timer_count");
    pub(super) const LOOP_TIMER: usize = at("loop_timer");
    pub(super) const FIRED: usize = at("fired");
    pub(super) const EVENTS: usize = at("events");
    pub(super) const MESSAGES: usize = at("messages");
    pub(super) const TIMERS: usize = at("timers");
    pub(super) const LOCKED: usize = at("locked");
    pub(super) const ACTIVITIES: usize = at("activities");
    pub(super) const LOCKED_IDS: usize = at("locked_ids");

    /// The position of `name` in [`NAMES`]; a name not there fails the build.
    const fn at(name: &str) -> usize {
        let mut k = 0;
        while k < NAMES.len() {
            if same(NAMES[k].as_bytes(), name.as_bytes()) {
                return k;
            }
            k += 1;
        }
        panic!("not a column of the store statement")
    }

    const fn same(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut k = 0;
        while k < a.len() {
            if a[k] != b[k] {
                return false;
            }
            k += 1;
        }
        true
    }
}

/// An error, not misread fields, if [`col`] and the statement disagree.
fn check_columns(r: &tokio_postgres::Row) -> Result<()> {
    let names: Vec<&str> = r.columns().iter().map(|c| c.name()).collect();
    anyhow::ensure!(names == col::NAMES, "the store statement's columns are {names:?}, not {:?}", col::NAMES);
    Ok(())
}

/// The actors in `scope`, queued starts and the fleet's queue health, in
/// one statement streamed into compact records. Actors' inputs are not read
/// here (see [`input_k8s_names`]).
pub(crate) async fn read(client: &Client, schema: &str, scope: Scope<'_>) -> Result<StoreSnapshot> {
    let (on_instances, on_executions, on_queue, health) = scope.filters();
    let sql = SNAPSHOT_SQL
        .replace("__KIND__", EVENT_KIND)
        .replace("__CODE__", EVENT_CODE)
        .replace("__COMPACT__", KIND_COMPACT)
        .replace("__SPACED__", KIND_SPACED)
        .replace("__S__", schema)
        .replace("__I__", &on_instances)
        .replace("__E__", &on_executions)
        .replace("__Q__", &on_queue)
        .replace("__D__", if health { "true" } else { "false" });
    let (orch, key, ids);
    let param: crate::io::db::Params<'_> = match scope {
        Scope::Fleet(o, Part::Whole) => {
            orch = o;
            &[&orch]
        }
        Scope::Fleet(o, Part::Below(k) | Part::From(k)) => {
            (orch, key) = (o, k);
            &[&orch, &key]
        }
        Scope::Ids(i) => {
            ids = i;
            &[&ids]
        }
    };
    let mut snap = StoreSnapshot::default();
    let mut orchestration: std::sync::Arc<str> = "".into();
    let mut checked = false;
    client
        .each(&sql, param, |r| {
            if !checked {
                check_columns(&r)?;
                checked = true;
            }
            match r.get::<_, &str>(col::KIND) {
                "a" => {
                    let name: &str = r.get(col::ORCHESTRATION_NAME);
                    if *orchestration != *name {
                        orchestration = name.into();
                    }
                    snap.actors.push(actor_from_row(&r, orchestration.clone()));
                }
                "s" => {
                    let item: &str = r.get(col::EVENTS);
                    if let Some((orchestration, input)) = parse_start_item(item) {
                        snap.queued_starts.push(QueuedStart {
                            instance_id: r.get(col::INSTANCE_ID),
                            orchestration,
                            queued_at: r.get::<_, Option<DateTime<Utc>>>(col::CREATED_AT).unwrap_or_default(),
                            input_k8s_name: k8s_from_input(&input),
                        });
                    }
                }
                _ => {
                    snap.oldest_overdue = r.get(col::CREATED_AT);
                    snap.live_locks = r.get(col::MESSAGES);
                }
            }
            Ok(())
        })
        .await
        .backend_context(|| format!("cannot read the orchestration store {schema}"))?;
    Ok(snap)
}

fn actor_from_row(r: &tokio_postgres::Row, orchestration: std::sync::Arc<str>) -> StoreActor {
    let status: ActorStatus = r.get::<_, Option<&str>>(col::STATUS).unwrap_or("Unknown").into();
    let execution: Option<i64> = r.get(col::CURRENT_EXECUTION_ID);
    let summary = match r.get::<_, Option<&str>>(col::EVENTS) {
        Some(events) => summarize(parse_events(events)),
        None => common_case(r),
    };
    let timers = r.get::<_, Option<Raw>>(col::TIMERS).map_or(&[][..], |t| t.0);
    // The loop timer's own firing wakes the execution; other timers do not.
    let timer_queued = summary.loop_timer.is_some_and(|lt| {
        timers.split(|&b| b == 0x1e).any(|t| {
            let exec = after(t, &EXECUTION_ID).and_then(number_in);
            exec.is_some() && exec == execution && after(t, &ID).and_then(number_in) == Some(lt.event_id)
        })
    });
    let locked_ids = r.get::<_, Option<&str>>(col::LOCKED_IDS).unwrap_or("");
    let live = status.is_running();
    StoreActor {
        instance_id: r.get(col::INSTANCE_ID),
        orchestration,
        created_at: r.get(col::CREATED_AT),
        updated_at: r.get(col::UPDATED_AT),
        execution_started_at: r.get(col::STARTED_AT),
        last_history_at: r.get(col::LAST_HISTORY),
        queued_messages: r.get::<_, i64>(col::MESSAGES) + i64::from(timer_queued),
        queued_activities: r.get(col::ACTIVITIES),
        next_timer: summary.loop_timer.and_then(|t| t.fire_at).filter(|_| live),
        locked: r.get(col::LOCKED),
        input_k8s_name: None,
        completed_at: r.get(col::COMPLETED_AT),
        waiting_on: summary.waiting.map(|w| ActivityWait {
            locked: locked_ids.split(',').any(|id| number(id) == Some(w.event_id)),
            name: w.name,
            since: w.since,
        }),
        status,
    }
}

/// What the aggregates of [`SNAPSHOT_SQL`] say, where they can tell (the
/// statement sends every event where they cannot, by the same rule).
fn common_case(r: &tokio_postgres::Row) -> Summary {
    let newest_timer = r.get::<_, Option<&str>>(col::LOOP_TIMER).and_then(|t| {
        let (id, fire_at_ms) = t.split_once(' ')?;
        Some((number(id)?, number(fire_at_ms).and_then(DateTime::from_timestamp_millis)))
    });
    let a = Aggregates {
        scheduled: r.get(col::SCHEDULED),
        ended: r.get(col::ENDED),
        cancels: r.get(col::CANCELS),
        last_activity: r.get(col::LAST_ACTIVITY),
        timers: r.get(col::TIMER_COUNT),
        newest_timer,
        fired: r.get(col::FIRED),
    };
    from_aggregates(&a).unwrap_or_default()
}

/// The `events` field of [`SNAPSHOT_SQL`].
fn parse_events(text: &str) -> Vec<Event> {
    text.split('\x1e')
        .filter_map(|e| {
            let mut f = e.split('\x1f');
            let id = number(f.next()?)?;
            let kind = f.next().filter(|k| !k.is_empty()).map(Kind::parse);
            let source = f.next().and_then(number);
            let fire_at = f.next().and_then(number).and_then(DateTime::from_timestamp_millis);
            let at = f.next().and_then(number).and_then(DateTime::from_timestamp_micros);
            let activity =
                f.next().filter(|_| kind == Some(Kind::ActivityScheduled)).map(|n| (n.to_string(), at));
            Some(Event { id, kind: kind?, source, fire_at, activity })
        })
        .collect()
}

/// A text column's bytes as they came, not checked as UTF-8 first: the
/// timer items are only searched for ASCII keys and the digits after them.
struct Raw<'a>(&'a [u8]);

impl<'a> tokio_postgres::types::FromSql<'a> for Raw<'a> {
    fn from_sql(
        _: &tokio_postgres::types::Type,
        raw: &'a [u8],
    ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Raw(raw))
    }

    fn accepts(ty: &tokio_postgres::types::Type) -> bool {
        *ty == tokio_postgres::types::Type::TEXT
    }
}

/// The keys of a timer item's two numbers, each searcher built once.
static EXECUTION_ID: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(br#""execution_id":"#));
static ID: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(br#""id":"#));

/// What follows the first `key` in a queue item's JSON (a key's quotes
/// cannot occur inside a JSON string, where every quote is escaped).
fn after<'a>(item: &'a [u8], key: &Finder<'_>) -> Option<&'a [u8]> {
    key.find(item).map(|at| &item[at + key.needle().len()..])
}

/// A JSON number cut out of its text (` 2`, `24}}`; `null` is none).
fn number(s: &str) -> Option<i64> {
    number_in(s.as_bytes())
}

fn number_in(s: &[u8]) -> Option<i64> {
    let start = s.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(s.len());
    let s = &s[start..];
    let end = s.iter().position(|&b| !b.is_ascii_digit() && b != b'-').unwrap_or(s.len());
    std::str::from_utf8(&s[..end]).ok()?.parse().ok()
}

/// The ids of the naming convention of these instances' actors
/// (`actor-<k8s_name>`, `actor-<k8s_name>-<8 hex>`), found through the
/// primary key: an exact match, and the range that holds every id with the
/// prefix (hex digits sort below `g`), checked exactly by the caller.
pub(crate) async fn conventional_ids(
    client: &Client,
    schema: &str,
    k8s_names: &[String],
) -> Result<Vec<String>> {
    if k8s_names.is_empty() {
        return Ok(Vec::new());
    }
    let exact: Vec<String> = k8s_names.iter().map(|k| format!("actor-{k}")).collect();
    let low: Vec<String> = exact.iter().map(|e| format!("{e}-")).collect();
    let high: Vec<String> = exact.iter().map(|e| format!("{e}-g")).collect();
    let sql = format!(
        "SELECT i.instance_id FROM unnest($1::text[], $2::text[], $3::text[]) AS n(exact, low, high)
           JOIN LATERAL (SELECT i.instance_id FROM {schema}.instances i
                          WHERE i.instance_id = n.exact OR (i.instance_id > n.low AND i.instance_id < n.high)) i ON true"
    );
    let rows = client
        .rows(&sql, &[&exact, &low, &high])
        .await
        .backend_context(|| format!("cannot read actor ids from the orchestration store {schema}"))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// The `k8s_name` in the inputs of these actors' current executions (the
/// few that may be orphans: reading every actor's input would cost as much
/// as the rest of the fleet read).
pub(crate) async fn input_k8s_names(
    client: &Client,
    schema: &str,
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let sql = format!(
        "SELECT i.instance_id, (SELECT h.event_data FROM {schema}.history h
                                 WHERE h.instance_id = i.instance_id AND h.execution_id = i.current_execution_id
                                 ORDER BY h.event_id LIMIT 1)
           FROM {schema}.instances i WHERE i.instance_id = ANY($1)"
    );
    let rows = client
        .rows(&sql, &[&ids])
        .await
        .backend_context(|| format!("cannot read actor inputs from the orchestration store {schema}"))?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let event: Option<&str> = r.get(1);
            Some((r.get(0), event.and_then(k8s_from_started_event)?))
        })
        .collect())
}

/// The `k8s_name` of an actor input (`{"k8s_name": ..., ...}`).
fn k8s_from_input(input: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(input).ok()?;
    v.get("k8s_name")?.as_str().map(str::to_string)
}

/// History event 1 is `OrchestrationStarted` with the input; newer duroxide
/// flattens it (`{"type": "OrchestrationStarted", "input": ...}`), older
/// versions nest it (`{"OrchestrationStarted": {"input": ...}}`).
fn k8s_from_started_event(event: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(event).ok()?;
    let input = v
        .get("input")
        .or_else(|| v.get("OrchestrationStarted").and_then(|s| s.get("input")))
        .or_else(|| v.get("kind").and_then(|k| k.get("OrchestrationStarted")).and_then(|s| s.get("input")))?;
    k8s_from_input(input.as_str()?)
}

fn parse_start_item(item: &str) -> Option<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(item).ok()?;
    let s = v.get("StartOrchestration")?;
    Some((s.get("orchestration")?.as_str()?.to_string(), s.get("input")?.as_str()?.to_string()))
}

pub(crate) async fn detail(client: &Client, schema: &str, id: &str) -> Result<ActorDetail> {
    let ctx = || format!("cannot read actor {id} from the orchestration store {schema}");
    let execs = client
        .rows(
            &format!(
                "SELECT execution_id, status, started_at, completed_at, output FROM {schema}.executions
                  WHERE instance_id = $1 ORDER BY execution_id DESC LIMIT 10"
            ),
            &[&id],
        )
        .await
        .backend_context(ctx)?;
    let queue = client
        .rows(
            &format!(
                "SELECT 'orchestrator', work_item, visible_at, lock_token IS NOT NULL
                   FROM {schema}.orchestrator_queue WHERE instance_id = $1
                 UNION ALL
                 SELECT 'worker', w.work_item, (to_jsonb(w) ->> 'visible_at')::timestamptz, w.lock_token IS NOT NULL
                   FROM {schema}.worker_queue w
                  WHERE w.work_item::jsonb -> 'ActivityExecute' ->> 'instance' = $1
                 ORDER BY 3"
            ),
            &[&id],
        )
        .await
        .backend_context(ctx)?;
    let exists = client
        .row(&format!("SELECT EXISTS (SELECT 1 FROM {schema}.instances WHERE instance_id = $1)"), &[&id])
        .await
        .backend_context(ctx)?
        .get(0);
    Ok(ActorDetail {
        exists,
        executions: execs
            .iter()
            .map(|r| ExecutionRow {
                execution_id: r.get(0),
                status: r.get(1),
                started_at: r.get(2),
                completed_at: r.get(3),
                output: r.get(4),
            })
            .collect(),
        queue: queue
            .iter()
            .map(|r| QueueItem {
                queue: r.get(0),
                kind: work_item_kind(r.get(1)),
                visible_at: r.get(2),
                locked: r.get(3),
            })
            .collect(),
    })
}

/// `{"TimerFired": {...}}` → `TimerFired`.
fn work_item_kind(item: &str) -> String {
    serde_json::from_str::<serde_json::Value>(item)
        .ok()
        .and_then(|v| v.as_object().and_then(|o| o.keys().next().cloned()))
        .unwrap_or_else(|| "unknown".into())
}

pub(crate) async fn states(
    client: &Client,
    schema: &str,
    ids: &[String],
) -> Result<std::collections::HashMap<String, ActorState>> {
    let sql = format!(
        r#"SELECT i.instance_id, coalesce(e.status, 'Unknown'), e.output, i.created_at
             FROM {schema}.instances i
             LEFT JOIN {schema}.executions e
               ON e.instance_id = i.instance_id AND e.execution_id = i.current_execution_id
            WHERE i.instance_id = ANY($1)
           UNION ALL
           SELECT DISTINCT q.instance_id, 'Pending', NULL, NULL::timestamptz
             FROM {schema}.orchestrator_queue q
            WHERE q.instance_id = ANY($1) AND q.work_item LIKE '{{"StartOrchestration"%'
              AND NOT EXISTS (SELECT 1 FROM {schema}.instances i WHERE i.instance_id = q.instance_id)"#
    );
    let rows = client
        .rows(&sql, &[&ids])
        .await
        .backend_context(|| format!("cannot read actor states from the orchestration store {schema}"))?;
    Ok(rows
        .iter()
        .map(|r| {
            let status = r.get::<_, &str>(1).into();
            (r.get::<_, String>(0), ActorState { status, output: r.get(2), created_at: r.get(3) })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_parsing() {
        let ev =
            r#"{"event_id":1,"type":"OrchestrationStarted","name":"a","input":"{\"k8s_name\":\"pg-1\"}"}"#;
        assert_eq!(k8s_from_started_event(ev).as_deref(), Some("pg-1"));
        let old = r#"{"OrchestrationStarted":{"name":"a","input":"{\"k8s_name\":\"pg-2\"}"}}"#;
        assert_eq!(k8s_from_started_event(old).as_deref(), Some("pg-2"));
        let item = r#"{"StartOrchestration":{"instance":"x","orchestration":"o","input":"{\"k8s_name\":\"pg-3\"}"}}"#;
        assert_eq!(parse_start_item(item), Some(("o".into(), r#"{"k8s_name":"pg-3"}"#.into())));
        assert_eq!(work_item_kind(r#"{"TimerFired":{"id":1}}"#), "TimerFired");
        assert_eq!(k8s_from_started_event("not json"), None);
    }

    #[test]
    fn events_as_the_actor_query_writes_them() {
        let text = "1\x1fOrchestrationStarted\x1f\x1f\x1f\x1f\x1e\
                    2\x1fActivityScheduled\x1f\x1f\x1f1795688648505000\x1ftoygres::check\x1e\
                    3\x1fActivityCompleted\x1f2\x1f\x1f\x1f\x1e\
                    4\x1f\x1f\x1f\x1f\x1f\x1e\
                    5\x1fTimerCreated\x1f\x1f 1795688650605}\x1f\x1f";
        let events = parse_events(text);
        assert_eq!(events.len(), 4, "the event without a type is dropped: {events:?}");
        assert_eq!(events[1].kind, Kind::ActivityScheduled);
        let (name, at) = events[1].activity.clone().unwrap();
        assert_eq!(
            (name.as_str(), at.map(|t| t.timestamp_millis())),
            ("toygres::check", Some(1795688648505))
        );
        assert_eq!((events[2].kind, events[2].source), (Kind::ActivityCompleted, Some(2)));
        assert_eq!(events[3].fire_at.map(|t| t.timestamp_millis()), Some(1795688650605));
        assert_eq!((number(" 24}}"), number("null"), number("")), (Some(24), None, None));
    }

    #[test]
    fn a_timer_item_s_execution_and_id_as_serde_or_jsonb_wrote_it() {
        let serde =
            br#"{"TimerFired":{"instance":"actor-\"id\":9","execution_id":12,"id":5,"fire_at_ms":17}}"#;
        let jsonb = br#"{"TimerFired": {"id": 5, "instance": "a", "fire_at_ms": 17, "execution_id": 12}}"#;
        for item in [&serde[..], &jsonb[..]] {
            let exec = after(item, &EXECUTION_ID).and_then(number_in);
            let id = after(item, &ID).and_then(number_in);
            assert_eq!((exec, id), (Some(12), Some(5)), "{}", String::from_utf8_lossy(item));
        }
        assert_eq!(after(br#"{"TimerFired":{"id":null}}"#, &ID).and_then(number_in), None);
        assert_eq!(after(b"{}", &EXECUTION_ID), None);
    }
}
