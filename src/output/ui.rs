//! The terminal side of the repair pipeline: confirmation and progress.

use anyhow::Result;

use super::render::results;
use super::render::sanitize::or_dash;
use super::Term;
use crate::core::guard::counts;
use crate::core::model::{ProgressSink, PruneUi, RepairUi};
use crate::core::plan::{Action, Planned};
use crate::core::prune::Policy;

/// How to ask before acting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ask {
    /// Never (`--yes`, start, restart, sweep).
    Never,
    /// `cancel`: it leaves the instance unmonitored.
    Cancel,
    /// A bulk run: the counts and the first rows of the plan.
    Bulk(&'static str),
}

pub(crate) struct Ui<'a> {
    pub(crate) term: &'a Term,
    pub(crate) ask: Ask,
    /// No progress output.
    pub(crate) quiet: bool,
}

impl RepairUi for Ui<'_> {
    fn confirm(&self, plan: &[Planned]) -> Result<bool> {
        let todo: Vec<Planned> = plan.iter().filter(|p| p.action != Action::None).cloned().collect();
        match self.ask {
            Ask::Never => return Ok(true),
            Ask::Cancel => {
                for p in &todo {
                    self.term.note(&format!(
                        "will {} actor {} of {}: the instance is then unmonitored, and sweeps and \
                         `recover --all` leave it alone until `actorctl start` (a hold)",
                        p.action.as_str(),
                        or_dash(p.old_actor_id.as_deref()),
                        or_dash(p.name.as_deref().or(p.k8s_name.as_deref()))
                    ));
                }
            }
            Ask::Bulk(command) => {
                self.term.note(&format!(
                    "actorctl {command} will take {} actions: {}",
                    todo.len(),
                    counts(&todo)
                ));
                let shown = &todo[..todo.len().min(10)];
                self.term.note(results::plan_table(shown).trim_end());
                if todo.len() > shown.len() {
                    self.term
                        .note(&format!("… and {} more (--dry-run shows them all)", todo.len() - shown.len()));
                }
            }
        }
        self.term.proceed()
    }

    fn progress(&self, total: usize) -> Box<dyn ProgressSink + '_> {
        Box::new(self.term.progress(total, self.quiet))
    }
}

impl PruneUi for Ui<'_> {
    fn confirm_prune(&self, actors: usize, executions: u64, policy: Policy) -> Result<bool> {
        if self.ask == Ask::Never {
            return Ok(true);
        }
        self.term.note(&super::render::prune::plan_line(actors, executions, policy));
        self.term.proceed()
    }

    fn prune_progress(&self, actors: usize) -> Box<dyn ProgressSink + '_> {
        let progress = self.term.progress(actors, self.quiet);
        progress.pruned(0, 0, 0);
        Box::new(progress)
    }
}
