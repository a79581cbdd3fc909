//! The guard rails of bulk repair and the exit-code rule, in one place:
//! when to refuse, whom to quarantine, and what a run's exit code is.

use super::classify::{Class, Diagnosis, Report, Row};
use super::error::{EXIT_BACKEND, EXIT_OK, EXIT_UNHEALTHY};
use super::model::ActionResult;
use super::plan::{Action, Planned};
use super::timefmt::compact;

/// The disruption budget (`--max-unhealthy`): how many unhealthy instances
/// at once are still believable as independent failures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// A share of the running fleet, 0–100.
    Percent(f64),
    Count(usize),
}

impl Budget {
    /// `50%` or `200`.
    pub fn parse(s: &str) -> Result<Budget, String> {
        let bad = || format!("'{s}' is neither a share (50%) nor a count (200) of instances");
        match s.trim().strip_suffix('%') {
            Some(p) => match p.trim().parse::<f64>() {
                Ok(p) if (0.0..=100.0).contains(&p) => Ok(Budget::Percent(p)),
                _ => Err(bad()),
            },
            None => s.trim().parse::<usize>().map(Budget::Count).map_err(|_| bad()),
        }
    }

    /// More than the budget allows, out of `fleet` running instances.
    pub(crate) fn exceeded(self, unhealthy: usize, fleet: usize) -> bool {
        match self {
            Budget::Percent(p) => unhealthy as f64 > fleet as f64 * p / 100.0,
            Budget::Count(n) => unhealthy > n,
        }
    }
}

impl std::fmt::Display for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Budget::Percent(p) => write!(f, "{p}%"),
            Budget::Count(n) => write!(f, "{n}"),
        }
    }
}

/// Which bulk command asks: the wording of a refusal differs, not the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bulk {
    Recover,
    Sweep,
}

/// Why a bulk run touches nothing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Refusal {
    pub(crate) message: String,
}

/// The limits a bulk run was given.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rails {
    /// Act even when the workers are down.
    pub(crate) force: bool,
    /// Refuse a plan with more actions than this.
    pub(crate) max: Option<usize>,
}

/// Refuse a plan when the workers are down (restarts then fix nothing and
/// flood the store) unless forced, or when it is larger than `--max`.
pub(crate) fn refusal(plan: &[Planned], diagnosis: &Diagnosis, rails: Rails, who: Bulk) -> Option<Refusal> {
    let todo = actionable(plan);
    if todo == 0 {
        return None;
    }
    if diagnosis.fleet_is_sick() && !rails.force {
        let why = diagnosis.message.clone().unwrap_or_default();
        if !diagnosis.workers_down {
            let verb = if who == Bulk::Sweep { "sweep" } else { "recover" };
            return Some(Refusal {
                message: format!(
                    "refusing to {verb} {todo} actors: {why}. Nothing was changed; --force acts anyway"
                ),
            });
        }
        let message = match who {
            Bulk::Recover => format!(
                "refusing to recover {todo} actors while the workers are down: restarts would fix nothing and \
                 flood the store. Bring the workers back, or pass --force"
            ),
            Bulk::Sweep => format!("refusing to sweep: {why} Nothing was changed"),
        };
        return Some(Refusal { message });
    }
    let max = rails.max.filter(|m| todo > *m)?;
    let message = match who {
        Bulk::Recover => {
            format!("the plan has {todo} actions, more than --max {max}: nothing was changed ({})", counts(plan))
        }
        Bulk::Sweep => format!(
            "the plan has {todo} actions, more than --max {max}: the whole sweep was aborted, nothing was changed"
        ),
    };
    Some(Refusal { message })
}

/// The disruption budget: more unhealthy running instances at once than
/// `budget` allows, in a fleet of at least 10, with the workers up, is a
/// fleet-wide cause (CMS writes failing for everyone, a partition, a clock
/// jump). Marks the report's diagnosis and says where to look.
pub(crate) fn diagnose_fleet_wide(report: &mut Report, budget: Budget) {
    if report.diagnosis.workers_down || report.diagnosis.workers_stalled {
        return;
    }
    let fleet: Vec<&Row> =
        report.rows.iter().filter(|r| !matches!(r.class, Class::Orphan | Class::Held)).collect();
    // Only actors that run but do not do their job count: a missing or dead
    // actor is fixed by starting one (a store lost in a migration makes
    // every actor missing, and `recover --all` is the cure).
    let unhealthy = fleet.iter().filter(|r| matches!(r.class, Class::Stale | Class::Zombie)).count();
    if fleet.len() < 10 || !budget.exceeded(unhealthy, fleet.len()) {
        return;
    }
    let t = chrono::Duration::from_std(report.stale_after).unwrap_or(chrono::Duration::MAX);
    let recent = |at: Option<chrono::DateTime<chrono::Utc>>| at.is_some_and(|at| report.now - at <= t);
    let mut evidence = Vec::new();
    if !fleet.iter().any(|r| recent(r.last_health_check)) {
        evidence.push(format!(
            "no health check recorded fleet-wide for over {}",
            compact(report.stale_after.as_secs())
        ));
    }
    let progressing = fleet.iter().filter(|r| r.class == Class::Stale).count();
    if progressing * 2 > unhealthy {
        evidence.push(format!(
            "{progressing} actors progressing while their health writes stopped (CMS writes failing? a partition \
             between the workers and the databases?)"
        ));
    }
    let zombies = fleet.iter().filter(|r| r.class == Class::Zombie).count();
    if zombies * 2 > unhealthy {
        evidence.push(format!("{zombies} actors not progressing (a clock jump? the store?)"));
    }
    report.diagnosis.fleet_wide = true;
    report.diagnosis.message = Some(format!(
        "a fleet-wide cause: {unhealthy} of {} instances unhealthy at once, their actors running but stale or \
         zombie (more than --max-unhealthy {budget}){}; restarting actors fixes nothing until the cause is found",
        fleet.len(),
        if evidence.is_empty() { String::new() } else { format!(": {}", evidence.join("; ")) }
    ));
}

/// How many planned actions would change something.
pub(crate) fn actionable(plan: &[Planned]) -> usize {
    plan.iter().filter(|p| p.action != Action::None).count()
}

/// "3 restart, 2 start, 1 cancel-orphan, 1 none"
pub(crate) fn counts(plan: &[Planned]) -> String {
    let parts: Vec<String> =
        [Action::Restart, Action::Start, Action::CancelOrphan, Action::Cancel, Action::None]
            .into_iter()
            .map(|a| (a, plan.iter().filter(|p| p.action == a).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(a, n)| format!("{n} {}", a.as_str()))
            .collect();
    if parts.is_empty() {
        "no actions".into()
    } else {
        parts.join(", ")
    }
}

/// Instances the crash-loop budget quarantines now: not yet quarantined,
/// broken again, and started or restarted `burst` times within the window.
pub(crate) fn quarantine_candidates(rows: &[Row], burst: i64) -> Vec<String> {
    rows.iter()
        .filter(|r| !matches!(r.class, Class::Orphan | Class::Stuck) && r.class.is_unhealthy())
        .filter(|r| !r.quarantined && r.recent_restarts >= burst)
        .filter_map(|r| r.k8s_name.as_deref().map(str::to_string))
        .collect()
}

/// How a run that acted ended, besides its results.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct End {
    /// The exit code a signal asked for (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
    pub(crate) interrupted: Option<u8>,
    /// A backend became unusable midway: no new action was started after it.
    pub(crate) lost: Option<String>,
}

/// The exit code of a command that acted (docs/DOMAIN.md §6): the signal's
/// code after an interrupt, 3 when a backend became unusable, 1 when it
/// refused or any action did not succeed, else 0.
pub(crate) fn exit_code(results: &[ActionResult], refused: bool, end: &End) -> u8 {
    if let Some(code) = end.interrupted {
        code
    } else if end.lost.is_some() {
        EXIT_BACKEND
    } else if refused || results.iter().any(|r| !r.outcome.is_ok()) {
        EXIT_UNHEALTHY
    } else {
        EXIT_OK
    }
}

/// The exit code of a bulk dry run: 1 when it would act, like `list`.
pub(crate) fn dry_run_exit_code(plan: &[Planned]) -> u8 {
    if actionable(plan) == 0 {
        EXIT_OK
    } else {
        EXIT_UNHEALTHY
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Outcome;

    fn planned(action: Action) -> Planned {
        Planned {
            name: None,
            k8s_name: Some("pg-a".into()),
            namespace: None,
            class: Class::Stale,
            action,
            old_actor_id: None,
            old_actor_active: false,
            reason: String::new(),
        }
    }

    fn down() -> Diagnosis {
        Diagnosis {
            workers_down: true,
            message: Some("the workers are down: …".into()),
            ..Diagnosis::default()
        }
    }

    #[test]
    fn workers_down_refuses_unless_forced_and_only_with_work_to_do() {
        let plan = vec![planned(Action::Restart), planned(Action::None)];
        let free = Rails { force: false, max: None };
        let r = refusal(&plan, &down(), free, Bulk::Recover).unwrap();
        assert!(r.message.contains("workers are down") && r.message.contains("--force"), "{}", r.message);
        let r = refusal(&plan, &down(), free, Bulk::Sweep).unwrap();
        assert!(r.message.starts_with("refusing to sweep: the workers are down"), "{}", r.message);
        assert_eq!(refusal(&plan, &down(), Rails { force: true, max: None }, Bulk::Recover), None);
        assert_eq!(refusal(&[planned(Action::None)], &down(), free, Bulk::Sweep), None);
        assert_eq!(refusal(&plan, &Diagnosis::default(), free, Bulk::Sweep), None);
    }

    #[test]
    fn max_counts_only_actions() {
        let plan = vec![planned(Action::Restart), planned(Action::Start), planned(Action::None)];
        let ok = Diagnosis::default();
        assert_eq!(refusal(&plan, &ok, Rails { force: false, max: Some(2) }, Bulk::Recover), None);
        let r = refusal(&plan, &ok, Rails { force: false, max: Some(1) }, Bulk::Recover).unwrap();
        assert!(r.message.contains("more than --max 1") && r.message.contains("1 restart, 1 start, 1 none"));
        let r = refusal(&plan, &ok, Rails { force: true, max: Some(1) }, Bulk::Sweep).unwrap();
        assert!(r.message.contains("the whole sweep was aborted"), "{}", r.message);
    }

    #[test]
    fn exit_codes() {
        let p = planned(Action::Restart);
        let done = ActionResult::of(&p, Outcome::Done, None, String::new());
        let failed = ActionResult::of(&p, Outcome::Unverified, None, String::new());
        let ok = End::default();
        assert_eq!(exit_code(std::slice::from_ref(&done), false, &ok), EXIT_OK);
        assert_eq!(exit_code(&[done.clone(), failed.clone()], false, &ok), EXIT_UNHEALTHY);
        assert_eq!(exit_code(std::slice::from_ref(&done), true, &ok), EXIT_UNHEALTHY);
        let term = End { interrupted: Some(143), lost: None };
        assert_eq!(exit_code(std::slice::from_ref(&done), false, &term), 143);
        let lost = End { interrupted: None, lost: Some("connection closed".into()) };
        assert_eq!(exit_code(&[done, failed], false, &lost), crate::core::error::EXIT_BACKEND);
        assert_eq!(dry_run_exit_code(&[planned(Action::None)]), EXIT_OK);
        assert_eq!(dry_run_exit_code(&[p]), EXIT_UNHEALTHY);
    }

    #[test]
    fn quarantine_takes_broken_instances_over_the_budget() {
        let row = |class, restarts, quarantined| Row {
            name: None,
            k8s_name: Some(format!("pg-{restarts}-{quarantined}-{class}").into()),
            namespace: None,
            state: None,
            health_status: None,
            class,
            actor_id: None,
            actor_status: None,
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: String::new(),
            instance_created_at: None,
            actor_created_at: None,
            quarantined,
            recent_restarts: restarts,
        };
        let rows = vec![
            row(Class::Zombie, 3, false),
            row(Class::Zombie, 2, false),
            row(Class::Healthy, 5, false),
            row(Class::Dead, 4, true),
            row(Class::Orphan, 9, false),
        ];
        assert_eq!(quarantine_candidates(&rows, 3), vec!["pg-3-false-zombie".to_string()]);
    }

    #[test]
    fn a_fleet_wide_cause_needs_ten_instances_and_a_broken_budget() {
        use chrono::TimeZone;
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap();
        let row = |class| Row {
            name: None,
            k8s_name: Some("pg".into()),
            namespace: None,
            state: None,
            health_status: None,
            class,
            actor_id: None,
            actor_status: None,
            last_health_check: Some(now - chrono::Duration::hours(1)),
            last_progress: None,
            next_timer: None,
            evidence: String::new(),
            instance_created_at: None,
            actor_created_at: None,
            quarantined: false,
            recent_restarts: 0,
        };
        let fleet = |stale: usize, healthy: usize| Report {
            now,
            stale_after: std::time::Duration::from_secs(300),
            rows: (0..stale)
                .map(|_| row(Class::Stale))
                .chain((0..healthy).map(|_| row(Class::Healthy)))
                .collect(),
            diagnosis: Diagnosis::default(),
        };
        let mut r = fleet(6, 4);
        diagnose_fleet_wide(&mut r, Budget::Percent(50.0));
        assert!(r.diagnosis.fleet_wide, "{:?}", r.diagnosis);
        let msg = r.diagnosis.message.clone().unwrap();
        assert!(
            msg.contains("6 of 10 instances") && msg.contains("no health check recorded fleet-wide"),
            "{msg}"
        );
        assert!(msg.contains("progressing while their health writes stopped"), "{msg}");
        let plan = vec![planned(Action::Restart)];
        let free = Rails { force: false, max: None };
        assert!(refusal(&plan, &r.diagnosis, free, Bulk::Sweep).unwrap().message.contains("fleet-wide"));
        assert_eq!(refusal(&plan, &r.diagnosis, Rails { force: true, max: None }, Bulk::Sweep), None);
        for (stale, healthy, budget) in
            [(5, 4, Budget::Percent(50.0)), (5, 5, Budget::Percent(50.0)), (6, 4, Budget::Count(6))]
        {
            let mut r = fleet(stale, healthy);
            diagnose_fleet_wide(&mut r, budget);
            assert!(!r.diagnosis.fleet_wide, "{stale}/{healthy} {budget}");
        }
        let mut down = fleet(10, 0);
        down.diagnosis.workers_down = true;
        diagnose_fleet_wide(&mut down, Budget::Percent(50.0));
        assert!(!down.diagnosis.fleet_wide, "workers down is its own diagnosis");
    }

    #[test]
    fn budgets_parse() {
        assert_eq!(Budget::parse("50%"), Ok(Budget::Percent(50.0)));
        assert_eq!(Budget::parse("200"), Ok(Budget::Count(200)));
        assert!(Budget::parse("150%").is_err() && Budget::parse("lots").is_err());
    }
}
