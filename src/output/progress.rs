//! Progress of a bulk run on stderr: an indicatif bar with counts per
//! outcome and an ETA on a terminal, otherwise a log line every few seconds;
//! nothing under --quiet.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::core::model::{Outcome, ProgressSink};

pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    log: bool,
    state: Mutex<State>,
}

struct State {
    total: usize,
    acted: usize,
    in_flight: usize,
    counts: [usize; 4],
    last_log: Instant,
    phase: &'static str,
}

const LOG_EVERY: Duration = Duration::from_secs(3);

impl Progress {
    pub(crate) fn new(total: usize, quiet: bool, tty: bool) -> Progress {
        let bar = (tty && !quiet).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {prefix} [{bar:30}] {pos}/{len} ETA {eta} {msg}")
                    .expect("static template")
                    .progress_chars("=> "),
            );
            bar.set_prefix("acting");
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            log: !tty && !quiet,
            state: Mutex::new(State {
                total,
                acted: 0,
                in_flight: 0,
                counts: [0; 4],
                last_log: Instant::now(),
                phase: "acting",
            }),
        }
    }
}

impl ProgressSink for Progress {
    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn acted(&self, outcome: Option<Outcome>) {
        let mut s = self.state.lock().expect("progress lock");
        s.acted += 1;
        match outcome {
            Some(o) => s.counts[index(o)] += 1,
            None => s.in_flight += 1,
        }
        self.show(&mut s, 1);
    }

    fn verifying(&self) {
        let mut s = self.state.lock().expect("progress lock");
        s.phase = "verifying";
        if let Some(bar) = &self.bar {
            bar.set_prefix("verifying");
        }
        self.show(&mut s, 0);
    }

    fn verified(&self, outcome: Outcome) {
        let mut s = self.state.lock().expect("progress lock");
        s.in_flight = s.in_flight.saturating_sub(1);
        s.counts[index(outcome)] += 1;
        self.show(&mut s, 0);
    }

    fn pruned(&self, actors: u64, executions: u64, history_rows: u64) {
        let mut s = self.state.lock().expect("progress lock");
        let msg = format!("· {executions} executions, {history_rows} history rows deleted");
        if let Some(bar) = &self.bar {
            bar.set_prefix("pruning");
            bar.set_position(actors);
            bar.set_message(msg);
        } else if self.log && s.last_log.elapsed() >= LOG_EVERY {
            s.last_log = Instant::now();
            let _ = writeln!(std::io::stderr().lock(), "actorctl: pruning {actors}/{} actors {msg}", s.total);
        }
    }
}

impl Progress {
    fn show(&self, s: &mut State, advance: u64) {
        let msg = format!(
            "done {} · in flight {} · skipped {} · unverified {} · failed {}",
            s.counts[0], s.in_flight, s.counts[1], s.counts[2], s.counts[3]
        );
        if let Some(bar) = &self.bar {
            bar.inc(advance);
            bar.set_message(msg);
        } else if self.log && (s.last_log.elapsed() >= LOG_EVERY || s.acted == s.total && advance > 0) {
            s.last_log = Instant::now();
            let _ =
                writeln!(std::io::stderr().lock(), "actorctl: {} {}/{}: {msg}", s.phase, s.acted, s.total);
        }
    }
}

fn index(o: Outcome) -> usize {
    match o {
        Outcome::Done => 0,
        Outcome::Skipped => 1,
        Outcome::Unverified => 2,
        Outcome::Failed => 3,
    }
}
