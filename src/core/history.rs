//! What the history of an actor's current execution says it waits on: the
//! activity it scheduled and nothing finished, and its loop timer. Pure: the
//! store reader hands over the few fields of each event it needs.

use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// The kinds of history event the classification looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    ActivityScheduled,
    ActivityCompleted,
    ActivityFailed,
    ActivityCancelRequested,
    TimerCreated,
    TimerFired,
    /// Any other kind (`OrchestrationStarted`, `ExternalSubscribed`, …).
    Other,
}

impl Kind {
    pub(crate) fn parse(s: &str) -> Kind {
        match s {
            "ActivityScheduled" => Kind::ActivityScheduled,
            "ActivityCompleted" => Kind::ActivityCompleted,
            "ActivityFailed" => Kind::ActivityFailed,
            "ActivityCancelRequested" => Kind::ActivityCancelRequested,
            "TimerCreated" => Kind::TimerCreated,
            "TimerFired" => Kind::TimerFired,
            _ => Kind::Other,
        }
    }

    /// An activity's end (or the request to end it).
    fn ends_activity(self) -> bool {
        matches!(self, Kind::ActivityCompleted | Kind::ActivityFailed | Kind::ActivityCancelRequested)
    }
}

/// One event of the current execution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Event {
    pub(crate) id: i64,
    pub(crate) kind: Kind,
    /// The event this one completes (activity ends, timer firings).
    pub(crate) source: Option<i64>,
    /// A timer's fire time.
    pub(crate) fire_at: Option<DateTime<Utc>>,
    /// A scheduled activity's name and when it was scheduled.
    pub(crate) activity: Option<(String, Option<DateTime<Utc>>)>,
}

/// The activity the execution waits on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Waiting {
    pub(crate) event_id: i64,
    pub(crate) name: String,
    pub(crate) since: Option<DateTime<Utc>>,
}

/// The loop timer: its event id (what a queued `TimerFired` names) and fire time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LoopTimer {
    pub(crate) event_id: i64,
    pub(crate) fire_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Summary {
    pub(crate) waiting: Option<Waiting>,
    pub(crate) loop_timer: Option<LoopTimer>,
}

/// The oldest scheduled activity that nothing ended, and the loop timer: the
/// newest unfired timer created after the last scheduled activity that is
/// not an activity's timeout (a retry timeout is created right after its
/// activity, racing it; leftover timeout timers wake nothing).
pub(crate) fn summarize(mut events: Vec<Event>) -> Summary {
    events.sort_by_key(|e| e.id);
    let ended: HashSet<i64> =
        events.iter().filter(|e| e.kind.ends_activity()).filter_map(|e| e.source).collect();
    let fired: HashSet<i64> =
        events.iter().filter(|e| e.kind == Kind::TimerFired).filter_map(|e| e.source).collect();
    let scheduled: HashSet<i64> =
        events.iter().filter(|e| e.kind == Kind::ActivityScheduled).map(|e| e.id).collect();
    let last_activity = scheduled.iter().copied().max().unwrap_or(0);
    let loop_timer = events
        .iter()
        .rev()
        .filter(|t| t.kind == Kind::TimerCreated && t.id > last_activity)
        .find(|t| !scheduled.contains(&(t.id - 1)) && !fired.contains(&t.id))
        .map(|t| LoopTimer { event_id: t.id, fire_at: t.fire_at });
    let waiting = events
        .into_iter()
        .find(|a| a.kind == Kind::ActivityScheduled && !ended.contains(&a.id))
        .and_then(|a| {
            let (name, since) = a.activity?;
            Some(Waiting { event_id: a.id, name, since })
        });
    Summary { waiting, loop_timer }
}

/// What the store read counts over a current execution, so that most
/// actors need no event-by-event read (see [`from_aggregates`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Aggregates {
    pub(crate) scheduled: i64,
    /// ActivityCompleted and ActivityFailed events.
    pub(crate) ended: i64,
    pub(crate) cancels: i64,
    pub(crate) last_activity: Option<i64>,
    pub(crate) timers: i64,
    /// The newest TimerCreated: its id and fire time.
    pub(crate) newest_timer: Option<(i64, Option<DateTime<Utc>>)>,
    /// The newest timer a TimerFired names.
    pub(crate) fired: Option<i64>,
}

impl Aggregates {
    /// The aggregates can tell: every scheduled activity ended once (an
    /// activity ends once; a cancellation may add a second end) and no
    /// older timer may be the loop timer in place of a fired newest one.
    pub(crate) fn conclusive(&self) -> bool {
        let newest = self.newest_timer.map(|(id, _)| id);
        self.scheduled == self.ended && self.cancels == 0 && !(self.fired == newest && self.timers > 1)
    }
}

/// [`summarize`]'s answer from the aggregates, where they can tell: no
/// activity waited on, and the loop timer is the newest timer if it is
/// newer than the last activity, not the timeout created right after it
/// (every scheduled activity is older), and not fired.
pub(crate) fn from_aggregates(a: &Aggregates) -> Option<Summary> {
    if !a.conclusive() {
        return None;
    }
    let loop_timer = a.newest_timer.and_then(|(id, fire_at)| {
        let newer = id > a.last_activity.unwrap_or(0) && Some(id - 1) != a.last_activity;
        (newer && a.fired != Some(id)).then_some(LoopTimer { event_id: id, fire_at })
    });
    Some(Summary { waiting: None, loop_timer })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: i64, kind: Kind) -> Event {
        Event { id, kind, source: None, fire_at: None, activity: None }
    }
    fn scheduled(id: i64) -> Event {
        Event { activity: Some(("a::b::check".into(), None)), ..ev(id, Kind::ActivityScheduled) }
    }
    fn ends(id: i64, kind: Kind, source: i64) -> Event {
        Event { source: Some(source), ..ev(id, kind) }
    }
    fn timer(id: i64) -> Event {
        Event { fire_at: DateTime::from_timestamp(1_800_000_000 + id, 0), ..ev(id, Kind::TimerCreated) }
    }

    #[test]
    fn a_healthy_turn_waits_on_its_loop_timer_only() {
        let s = summarize(vec![
            timer(5),
            ev(1, Kind::Other),
            scheduled(2),
            ends(3, Kind::ActivityCompleted, 2),
            ev(4, Kind::Other),
        ]);
        assert_eq!(s.waiting, None);
        assert_eq!(s.loop_timer.map(|t| t.event_id), Some(5));
    }

    #[test]
    fn an_unfinished_activity_is_waited_on_and_its_timeout_is_no_loop_timer() {
        let s = summarize(vec![ev(1, Kind::Other), scheduled(2), timer(3)]);
        assert_eq!(s.waiting.as_ref().map(|w| (w.event_id, w.name.as_str())), Some((2, "a::b::check")));
        assert_eq!(s.loop_timer, None, "timer 3 is activity 2's timeout");
    }

    #[test]
    fn a_fired_timer_or_one_before_the_last_activity_is_not_the_loop_timer() {
        let fired = summarize(vec![
            scheduled(1),
            ends(2, Kind::ActivityFailed, 1),
            timer(4),
            ends(5, Kind::TimerFired, 4),
        ]);
        assert_eq!(fired.loop_timer, None);
        let older = summarize(vec![timer(1), scheduled(2), ends(3, Kind::ActivityCompleted, 2)]);
        assert_eq!(older.loop_timer, None);
        let cancelled = summarize(vec![scheduled(1), ends(2, Kind::ActivityCancelRequested, 1)]);
        assert_eq!(cancelled.waiting, None);
    }

    /// The aggregates the store read computes, computed here from events.
    fn aggregates(events: &[Event]) -> Aggregates {
        let of = |k: Kind| events.iter().filter(move |e| e.kind == k);
        Aggregates {
            scheduled: of(Kind::ActivityScheduled).count() as i64,
            ended: (of(Kind::ActivityCompleted).count() + of(Kind::ActivityFailed).count()) as i64,
            cancels: of(Kind::ActivityCancelRequested).count() as i64,
            last_activity: of(Kind::ActivityScheduled).map(|e| e.id).max(),
            timers: of(Kind::TimerCreated).count() as i64,
            newest_timer: of(Kind::TimerCreated).max_by_key(|e| e.id).map(|e| (e.id, e.fire_at)),
            fired: of(Kind::TimerFired).filter_map(|e| e.source).max(),
        }
    }

    fn kind_strategy() -> impl proptest::strategy::Strategy<Value = Kind> {
        use proptest::prelude::*;
        prop_oneof![
            Just(Kind::ActivityScheduled),
            Just(Kind::ActivityCompleted),
            Just(Kind::ActivityFailed),
            Just(Kind::ActivityCancelRequested),
            Just(Kind::TimerCreated),
            Just(Kind::TimerFired),
            Just(Kind::Other),
        ]
    }

    proptest::proptest! {
        /// Where the aggregates can tell, they tell what every event does.
        #[test]
        fn aggregates_agree_with_the_events(
            spec in proptest::collection::vec((kind_strategy(), 0i64..12), 0..12)
        ) {
            // Ends name an earlier event, as in a real history.
            let events: Vec<Event> = spec
                .iter()
                .enumerate()
                .map(|(i, (kind, back))| {
                    let id = i as i64 + 1;
                    let source = matches!(kind, Kind::ActivityCompleted | Kind::ActivityFailed
                        | Kind::ActivityCancelRequested | Kind::TimerFired)
                        .then(|| (id - 1 - back).max(1));
                    Event { source, ..match kind {
                        Kind::ActivityScheduled => scheduled(id),
                        Kind::TimerCreated => timer(id),
                        k => ev(id, *k),
                    } }
                })
                .collect();
            // One end per activity, as the runtime writes them.
            let mut ended = HashSet::new();
            let events: Vec<Event> = events
                .into_iter()
                .filter(|e| !matches!(e.kind, Kind::ActivityCompleted | Kind::ActivityFailed)
                    || e.source.is_some_and(|s| ended.insert(s)))
                .collect();
            if let Some(fast) = from_aggregates(&aggregates(&events)) {
                let all = summarize(events.clone());
                proptest::prop_assert_eq!(fast.loop_timer, all.loop_timer, "{:?}", events);
                if all.waiting.is_some() {
                    // Only when an end names no scheduled activity: not a real history.
                    let ends_orphaned = events.iter().any(|e| {
                        matches!(e.kind, Kind::ActivityCompleted | Kind::ActivityFailed)
                            && !events.iter().any(|a| a.kind == Kind::ActivityScheduled && Some(a.id) == e.source)
                    });
                    proptest::prop_assert!(ends_orphaned, "{:?}", events);
                }
            }
        }
    }
}
