//! The one-query reader of the store's core tables.

use anyhow::Result;
use chrono::{DateTime, Utc};

use tokio_postgres::Client;

use crate::core::classify::{ActivityWait, QueuedStart, StoreActor, StoreSnapshot};
use crate::core::error::BackendContext;
use crate::core::records::{ActorDetail, ActorState, ExecutionRow, QueueItem};
use crate::io::db::Sql;

/// Rows of three kinds in one round trip: `actor` (an instance row with its
/// current execution, queues and what its history says it waits on),
/// `start` (a queued start without an instance row yet) and one `diag` row
/// (the fleet's queue health). Only columns and JSON every published store
/// version has (duroxide-pg 0.1.0 on) are read: activities are matched to
/// actors through the work item, not `worker_queue.instance_id`.
const SNAPSHOT_SQL: &str = r#"
WITH now_ms AS (SELECT (extract(epoch FROM now()) * 1000)::bigint AS ms),
cur AS (
    SELECT i.instance_id, i.orchestration_name, i.current_execution_id, i.created_at, i.updated_at
      FROM __S__.instances i
     WHERE i.orchestration_name = $1 OR i.instance_id = ANY($2)
),
acts AS (
    SELECT w.work_item::jsonb -> 'ActivityExecute' ->> 'instance' AS instance_id,
           (w.work_item::jsonb -> 'ActivityExecute' ->> 'id')::bigint AS activity_id,
           bool_or(w.lock_token IS NOT NULL AND w.locked_until > now_ms.ms) AS locked
      FROM __S__.worker_queue w, now_ms
     WHERE w.work_item LIKE '{"ActivityExecute"%'
     GROUP BY 1, 2
),
wq AS (SELECT instance_id, count(*) AS n FROM acts GROUP BY instance_id),
hist AS (
    SELECT h.instance_id, h.event_id, h.created_at, j.ev ->> 'type' AS type,
           (j.ev ->> 'source_event_id')::bigint AS source_id, j.ev ->> 'name' AS name,
           (j.ev ->> 'fire_at_ms')::bigint AS fire_at_ms
      FROM cur c
      JOIN __S__.history h ON h.instance_id = c.instance_id AND h.execution_id = c.current_execution_id
      CROSS JOIN LATERAL (SELECT h.event_data::jsonb AS ev) j
),
hs AS (
    -- A TimerFired is no progress: leftover activity-timeout timers fire
    -- into a waiting execution.
    SELECT instance_id, max(created_at) FILTER (WHERE type <> 'TimerFired') AS last_history,
           max(event_id) FILTER (WHERE type = 'ActivityScheduled') AS last_activity
      FROM hist GROUP BY instance_id
),
ended AS (
    SELECT instance_id, source_id, type FROM hist WHERE source_id IS NOT NULL
),
waiting AS (
    SELECT DISTINCT ON (a.instance_id) a.instance_id, a.name, a.created_at AS since, a.event_id
      FROM hist a
     WHERE a.type = 'ActivityScheduled'
       AND NOT EXISTS (SELECT 1 FROM ended d WHERE d.instance_id = a.instance_id AND d.source_id = a.event_id
                          AND d.type IN ('ActivityCompleted', 'ActivityFailed', 'ActivityCancelRequested'))
     ORDER BY a.instance_id, a.event_id
),
loop_timer AS (
    -- The loop timer: the newest unfired timer created after the turn's
    -- last activity that is not an activity's timeout (a retry timeout is
    -- created right after its activity, racing it).
    SELECT DISTINCT ON (t.instance_id) t.instance_id, t.event_id AS timer_id,
           to_timestamp(t.fire_at_ms / 1000.0) AS fire_at
      FROM hist t LEFT JOIN hs ON hs.instance_id = t.instance_id
     WHERE t.type = 'TimerCreated' AND t.event_id > coalesce(hs.last_activity, 0)
       AND NOT EXISTS (SELECT 1 FROM hist a WHERE a.instance_id = t.instance_id
                          AND a.event_id = t.event_id - 1 AND a.type = 'ActivityScheduled')
       AND NOT EXISTS (SELECT 1 FROM ended d WHERE d.instance_id = t.instance_id AND d.source_id = t.event_id
                          AND d.type = 'TimerFired')
     ORDER BY t.instance_id, t.event_id DESC
),
oq AS (
    -- What can wake the current execution: any message but a timer, and of
    -- the timers only its loop timer (leftover timeout timers wake nothing).
    SELECT q.instance_id, count(*) AS n
      FROM __S__.orchestrator_queue q
      JOIN cur c ON c.instance_id = q.instance_id
      LEFT JOIN loop_timer lt ON lt.instance_id = q.instance_id
     WHERE q.work_item NOT LIKE '{"TimerFired"%'
        OR ((q.work_item::jsonb -> 'TimerFired' ->> 'execution_id')::bigint = c.current_execution_id
            AND (q.work_item::jsonb -> 'TimerFired' ->> 'id')::bigint = lt.timer_id)
     GROUP BY q.instance_id
)
SELECT 'actor' AS kind, c.instance_id, c.orchestration_name, e.status,
       c.created_at, c.updated_at, e.started_at, hs.last_history,
       coalesce(oq.n, 0)::bigint AS queued_messages, coalesce(wq.n, 0)::bigint AS queued_activities,
       CASE WHEN e.status IN ('Running', 'ContinuedAsNew') THEN lt.fire_at END AS next_timer,
       EXISTS (SELECT 1 FROM __S__.instance_locks l, now_ms
                WHERE l.instance_id = c.instance_id AND l.locked_until > now_ms.ms) AS locked,
       CASE WHEN e.status IN ('Running', 'ContinuedAsNew') THEN
           (SELECT h.event_data FROM __S__.history h
             WHERE h.instance_id = c.instance_id AND h.execution_id = c.current_execution_id
             ORDER BY h.event_id LIMIT 1)
       END AS payload,
       NULL::bigint AS live_locks,
       e.completed_at, wt.name AS waiting_on, wt.since AS waiting_since,
       coalesce(ac.locked, false) AS waiting_locked
  FROM cur c
  LEFT JOIN __S__.executions e ON e.instance_id = c.instance_id AND e.execution_id = c.current_execution_id
  LEFT JOIN oq ON oq.instance_id = c.instance_id
  LEFT JOIN wq ON wq.instance_id = c.instance_id
  LEFT JOIN hs ON hs.instance_id = c.instance_id
  LEFT JOIN loop_timer lt ON lt.instance_id = c.instance_id
  LEFT JOIN waiting wt ON wt.instance_id = c.instance_id
  LEFT JOIN acts ac ON ac.instance_id = c.instance_id AND ac.activity_id = wt.event_id
UNION ALL
SELECT 'start', q.instance_id, NULL, NULL, q.created_at, NULL, NULL, NULL, 0, 0, NULL, false,
       q.work_item, NULL, NULL, NULL, NULL, false
  FROM __S__.orchestrator_queue q
 WHERE q.work_item LIKE '{"StartOrchestration"%'
   AND NOT EXISTS (SELECT 1 FROM __S__.instances i WHERE i.instance_id = q.instance_id)
UNION ALL
SELECT 'diag', NULL, NULL, NULL,
       (SELECT min(q.visible_at) FROM __S__.orchestrator_queue q, now_ms
         WHERE q.visible_at <= now() AND (q.lock_token IS NULL OR q.locked_until <= now_ms.ms)),
       NULL, NULL, NULL, 0, 0, NULL, false, NULL,
       (SELECT count(*) FROM __S__.instance_locks l, now_ms WHERE l.locked_until > now_ms.ms)
     + (SELECT count(*) FROM __S__.worker_queue w, now_ms
         WHERE w.lock_token IS NOT NULL AND w.locked_until > now_ms.ms),
       NULL, NULL, NULL, false
"#;

pub(crate) async fn read(
    client: &Client,
    schema: &str,
    actor_orch: &str,
    referenced: &[String],
) -> Result<StoreSnapshot> {
    let sql = SNAPSHOT_SQL.replace("__S__", schema);
    let rows = client
        .rows(&sql, &[&actor_orch, &referenced])
        .await
        .backend_context(|| format!("cannot read the orchestration store {schema}"))?;
    let mut snap = StoreSnapshot::default();
    for r in &rows {
        let kind: &str = r.get("kind");
        match kind {
            "actor" => {
                let payload: Option<String> = r.get("payload");
                snap.actors.push(StoreActor {
                    instance_id: r.get("instance_id"),
                    orchestration: r.get::<_, Option<String>>("orchestration_name").unwrap_or_default(),
                    status: r.get::<_, Option<&str>>("status").unwrap_or("Unknown").into(),
                    created_at: r.get("created_at"),
                    updated_at: r.get("updated_at"),
                    execution_started_at: r.get("started_at"),
                    last_history_at: r.get("last_history"),
                    queued_messages: r.get("queued_messages"),
                    queued_activities: r.get("queued_activities"),
                    next_timer: r.get("next_timer"),
                    locked: r.get("locked"),
                    input_k8s_name: payload.as_deref().and_then(k8s_from_started_event),
                    completed_at: r.get("completed_at"),
                    waiting_on: r.get::<_, Option<String>>("waiting_on").map(|name| ActivityWait {
                        name,
                        since: r.get("waiting_since"),
                        locked: r.get("waiting_locked"),
                    }),
                });
            }
            "start" => {
                let item: String = r.get("payload");
                if let Some((orchestration, input)) = parse_start_item(&item) {
                    snap.queued_starts.push(QueuedStart {
                        instance_id: r.get("instance_id"),
                        orchestration,
                        queued_at: r.get::<_, Option<DateTime<Utc>>>("created_at").unwrap_or_default(),
                        input_k8s_name: k8s_from_input(&input),
                    });
                }
            }
            _ => {
                snap.oldest_overdue = r.get("created_at");
                snap.live_locks = r.get::<_, Option<i64>>("live_locks").unwrap_or(0);
            }
        }
    }
    Ok(snap)
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
}
