//! The fleet read and the named read see the same facts: the fleet read
//! takes the instances' events in one pass joined by hash and the store in
//! two halves (split at the median actor) on two connections, the named
//! read takes each through the index. The halves read every actor once,
//! and are still read when no second connection can be had. Last, the
//! check that a listed fleet is the seeded one.

mod common;

use actorctl_testkit::scale::Workers;
use actorctl_testkit::{cluster, scale, ACTOR_ORCHESTRATION};
use common::*;
use serde_json::{json, Value};
use std::time::Duration;

fn row<'a>(list: &'a Value, k8s: &str) -> &'a Value {
    let rows = list["actors"].as_array().unwrap();
    rows.iter().find(|r| r["k8s_name"] == k8s).unwrap_or_else(|| panic!("{k8s} not listed: {list}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_fleet_read_and_the_named_read_agree() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("fr", 5).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    let claim = || serde_json::json!({"action": "restart", "run_id": "r1"});
    // 0: quarantined. 1: quarantined, then cleared, with restarts before
    // and after the clearing (only the one after counts) and one outside
    // the window. 2: held, then started again (not held). 3: deleting for
    // an hour (stuck). 4: nothing.
    fleet.insert_event(&names[0], "actor_quarantined", 60, serde_json::json!({})).await.unwrap();
    fleet.insert_event(&names[1], "actor_action_claimed", 7200, claim()).await.unwrap();
    fleet.insert_event(&names[1], "actor_action_claimed", 300, claim()).await.unwrap();
    fleet.insert_event(&names[1], "actor_quarantined", 200, serde_json::json!({})).await.unwrap();
    fleet.insert_event(&names[1], "actor_quarantine_cleared", 100, serde_json::json!({})).await.unwrap();
    fleet.insert_event(&names[1], "actor_action_claimed", 50, claim()).await.unwrap();
    fleet.insert_event(&names[2], "actor_held", 100, serde_json::json!({})).await.unwrap();
    fleet.insert_event(&names[2], "actor_started", 50, serde_json::json!({})).await.unwrap();
    fleet.set_state_since(&names[3], "deleting", 3600).await.unwrap();

    let list = list_json(&fleet.url, &["--stuck-after", "30m"]);
    assert!(list.code <= 1, "{}", list.stderr);
    let fleet_view: Vec<(String, Value, Value)> = names
        .iter()
        .map(|k| (k.clone(), row(&list.json, k)["class"].clone(), row(&list.json, k)["quarantined"].clone()))
        .collect();
    assert_eq!(fleet_view[0].2, true, "{}", list.json);
    assert_eq!(fleet_view[1].2, false, "cleared after it was quarantined: {}", list.json);
    assert_eq!(fleet_view[2].1, "healthy", "started after the hold: {}", list.json);
    assert_eq!(fleet_view[3].1, "stuck", "{}", list.json);
    assert_eq!(fleet_view[4].1, "healthy", "{}", list.json);

    for (k8s, class, quarantined) in &fleet_view {
        let r = run(&fleet.url, &["show", k8s, "-o", "json", "--stuck-after", "30m"]);
        let doc = r.json();
        assert_eq!(&doc["actor"]["class"], class, "{k8s}: {doc}");
        assert_eq!(&doc["instance"]["quarantined"], quarantined, "{k8s}: {doc}");
    }
    let r = run(&fleet.url, &["show", &names[1], "-o", "json"]);
    assert_eq!(
        r.json()["instance"]["recent_restarts"],
        1,
        "only the claim after the clearing, in the window"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_role_limited_to_two_connections_still_lists_the_whole_fleet() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("cl", 6).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    fleet.drop_timer(&format!("actor-{}", names[0])).await.unwrap();
    let role = format!("cl_{}", &fleet.db_name[2..10]);
    let (cms, store) = (fleet.cms(), fleet.store());
    fleet
        .pg
        .batch_execute(&format!(
            "CREATE ROLE {role} LOGIN PASSWORD 'change-me' CONNECTION LIMIT 2;
             GRANT USAGE ON SCHEMA {cms}, {store} TO {role};
             GRANT SELECT ON ALL TABLES IN SCHEMA {cms}, {store} TO {role};"
        ))
        .await
        .unwrap();
    let url = format!("postgres://{role}:change-me@127.0.0.1:{}/{}", cluster().port, fleet.db_name);

    let whole = list_json(&fleet.url, &[]);
    let mut c = actorctl(&url);
    c.env("RUST_LOG", "actorctl=debug").args(["list", "-o", "json"]);
    let limited = finish(&mut c);
    assert_eq!(limited.code, whole.code, "{}", limited.stderr);
    assert!(limited.stderr.contains("no second store connection"), "{}", limited.stderr);
    let limited = limited.json();
    assert_eq!(classes(&limited), classes(&whole.json), "{limited}");
    assert_eq!(classes(&limited).len(), 6);
    assert_eq!(classes(&limited)[&names[0]], "zombie", "{limited}");
}

/// A fleet written in SQL (1,000 instances of every class, each actor two
/// executions deep) and, sorting after its actors, 3,000 instances of a
/// lifecycle orchestration: the store is read in two halves split at the
/// median actor, each with about half the actors, and together with every
/// actor once (the classes are exactly the seeded ones).
#[tokio::test(flavor = "multi_thread")]
async fn the_two_store_halves_read_every_actor_once() {
    let n = 1000;
    let fleet = scale::seeded_fleet(n, 2).await.unwrap();
    fleet
        .pg
        .batch_execute(&format!(
            "INSERT INTO {}.instances (instance_id, orchestration_name, current_execution_id, created_at, updated_at)
             SELECT 'zz-create-' || g, 'toygres-orchestrations::orchestration::create-instance', 1, now(), now()
               FROM generate_series(1, 3000) g;
             ANALYZE",
            fleet.store()
        ))
        .await
        .unwrap();

    let mut c = actorctl(&fleet.url);
    c.env("RUST_LOG", "actorctl=debug").args([
        "list",
        "-o",
        "json",
        "--stale-after",
        "1d",
        "--actor-interval",
        "30s",
    ]);
    let r = finish(&mut c);
    let halves: Vec<usize> = r
        .stderr
        .lines()
        .find_map(|l| l.split_once("the store read in two halves, split at actor ").map(|(_, rest)| rest))
        .and_then(|rest| rest.split_once(": "))
        .map(|(_, counts)| {
            counts.split(|c: char| !c.is_ascii_digit()).filter_map(|d| d.parse().ok()).collect()
        })
        .unwrap_or_else(|| panic!("the store was not read in two halves: {}", r.stderr));
    assert_eq!(halves.len(), 2, "{}", r.stderr);
    let actors = halves[0] + halves[1];
    let sql = format!("SELECT count(*) FROM {}.instances WHERE orchestration_name = $1", fleet.store());
    let stored: i64 = fleet.pg.query_one(&sql, &[&ACTOR_ORCHESTRATION]).await.unwrap().get(0);
    assert_eq!(actors as i64, stored, "each actor in one half: {}", r.stderr);
    for half in &halves {
        assert!(*half * 4 > actors, "a half of {half} of {actors} actors: {}", r.stderr);
    }
    scale::check_listed(&r.json(), n, Workers::Up).unwrap();
}

/// History is read alike whether serde wrote it (compact) or jsonb did (a
/// space after each colon, the keys in jsonb's order), and an event with
/// no `type` is of no kind: it is not progress, however new.
#[tokio::test(flavor = "multi_thread")]
async fn history_reads_alike_compact_or_spaced_and_an_event_without_a_kind_is_no_progress() {
    let n = 200;
    let fleet = scale::seeded_fleet(n, 1).await.unwrap();
    let args = ["--stale-after", "1d", "--actor-interval", "30s"];
    let compact = list_json(&fleet.url, &args);
    scale::check_listed(&compact.json, n, Workers::Up).unwrap();

    let store = fleet.store();
    let zombie = format!("actor-{}-k8s", scale::names_of("zombie", n, 1)[0]);
    let spaced: i64 = fleet
        .pg
        .query_one(
            &format!(
                "WITH s AS (UPDATE {store}.history SET event_data = event_data::jsonb::text RETURNING event_data)
                 SELECT count(*) FILTER (WHERE event_data LIKE '%\"type\": \"%') FROM s"
            ),
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert!(spaced > 1000, "{spaced} events rewritten with spaces");
    fleet
        .pg
        .execute(
            &format!(
                "INSERT INTO {store}.history (instance_id, execution_id, event_id, event_type, event_data, created_at)
                 SELECT i.instance_id, i.current_execution_id, max(h.event_id) + 1, 'Event',
                        '{{\"event_id\":' || (max(h.event_id) + 1) || ',\"note\":\"no kind\"}}', now()
                   FROM {store}.instances i JOIN {store}.history h
                     ON h.instance_id = i.instance_id AND h.execution_id = i.current_execution_id
                  WHERE i.instance_id = $1 GROUP BY 1, 2"
            ),
            &[&zombie],
        )
        .await
        .unwrap();
    let spaced = list_json(&fleet.url, &args);
    scale::check_listed(&spaced.json, n, Workers::Up).unwrap();

    // Row by row the same, durations aside (`2d` may turn `1d23h` between
    // the runs): each duration is read as `#`.
    let rows = |doc: &Value| -> Vec<String> {
        let durations = |s: &str| {
            let mut out = String::new();
            let mut chars = s.chars().peekable();
            while let Some(c) = chars.next() {
                if !c.is_ascii_digit() {
                    out.push(c);
                    continue;
                }
                while chars.next_if(|c| c.is_ascii_digit() || "dhms".contains(*c)).is_some() {}
                out.push('#');
            }
            out
        };
        doc["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r["evidence"] = Value::String(durations(r["evidence"].as_str().unwrap_or_default()));
                r.to_string()
            })
            .collect()
    };
    let (before, after) = (rows(&compact.json), rows(&spaced.json));
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a);
    }
    let evidence = row(&spaced.json, &zombie["actor-".len()..])["evidence"].as_str().unwrap().to_string();
    let progress =
        evidence.split("last progress ").nth(1).and_then(|r| r.split(' ').next()).unwrap_or_default();
    assert!(progress.contains('d'), "the event without a kind, a second old, is not progress: {evidence}");
}

// The check that a listed fleet is the seeded one (the scale benchmark's
// and the tests above): with the runtime stopped, as in the benchmark, the
// workers-down diagnosis is true and allowed; nothing else is.

/// `list -o json` of a seeded fleet of `n`, every row as seeded, with
/// this diagnosis.
fn listed(n: u64, diagnosis: Value) -> Value {
    let mut actors = vec![
        json!({"name": "scale-tpl-live", "class": "healthy"}),
        json!({"name": "scale-tpl-dead", "class": "dead"}),
    ];
    actors.extend(
        (1..=n).map(|i| json!({"name": scale::name_of(scale::class_of(i), i), "class": scale::class_of(i)})),
    );
    actors.extend(
        (1..=scale::orphans_for(n)).map(|i| json!({"name": scale::name_of("orphan", i), "class": "orphan"})),
    );
    json!({"summary": scale::expected_counts(n), "actors": actors, "diagnosis": diagnosis})
}

#[test]
fn workers_down_passes_only_while_the_runtime_is_stopped() {
    let quiet = json!({"workers_down": false, "workers_stalled": false, "fleet_wide": false});
    let down = json!({"workers_down": true, "workers_stalled": false, "fleet_wide": false});
    let wide = json!({"workers_down": true, "workers_stalled": false, "fleet_wide": true});
    for workers in [Workers::Up, Workers::Stopped] {
        scale::check_listed(&listed(200, quiet.clone()), 200, workers).unwrap();
        assert!(scale::check_listed(&listed(200, wide.clone()), 200, workers).is_err());
    }
    scale::check_listed(&listed(200, down.clone()), 200, Workers::Stopped).unwrap();
    let err = scale::check_listed(&listed(200, down), 200, Workers::Up).unwrap_err();
    assert!(format!("{err:#}").contains(r#""workers_down":true"#), "{err:#}");
}

#[test]
fn a_row_of_another_class_fails_whatever_the_workers() {
    let down = json!({"workers_down": true, "workers_stalled": false, "fleet_wide": false});
    let mut doc = listed(200, down);
    doc["actors"][5]["class"] = json!("zombie");
    let err = scale::check_listed(&doc, 200, Workers::Stopped).unwrap_err();
    assert!(format!("{err:#}").contains("1 rows classified otherwise"), "{err:#}");
}
