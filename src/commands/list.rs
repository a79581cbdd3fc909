//! `actorctl list`

use anyhow::Result;

use crate::classify::{Class, Row};
use crate::cli::{Format, ListArgs};
use crate::config::Settings;
use crate::error::{EXIT_OK, EXIT_UNHEALTHY};
use crate::output::{self, actors, monitor};

pub async fn run(args: ListArgs, s: &Settings) -> Result<u8> {
    if !args.monitor.check {
        return list(args, s).await;
    }
    monitor::or_unknown(list(args, s).await, &s.secrets())
}

async fn list(args: ListArgs, s: &Settings) -> Result<u8> {
    let conns = super::Connections::open(s).await?;
    let (_, store, fleet) = super::gather(&conns, s, args.stale_after).await?;
    let report = &fleet.report;
    let wanted = selected_classes(&args);
    let rows: Vec<&Row> = report.rows.iter().filter(|r| wanted.contains(&r.class)).collect();

    if let Some(path) = &args.monitor.textfile {
        let all: Vec<&Row> = report.rows.iter().collect();
        let text = monitor::textfile(&all, report.diagnosis.workers_down, None, None)
            + &output::prune::textfile(&store.totals().await?, None); // issue 15
        monitor::write_atomically(path, &text)?;
    }
    if args.monitor.check {
        let (code, line) =
            monitor::check(&rows, report.diagnosis.workers_down, args.monitor.warn, args.monitor.crit);
        let threshold = args.monitor.warn_executions_per_actor; // issue 15
        let (above, max) = store.executions_above(&s.actor_orchestration, threshold).await?;
        let warning = crate::core::prune::growth_warning(above, max, threshold);
        let (code, line) = crate::core::prune::escalate(code, &line, warning.as_deref());
        output::emit(&line)?;
        return Ok(code);
    }
    let fmt = args.output.output;
    if fmt != Format::Json {
        if let Some(msg) = &report.diagnosis.message {
            output::note(&format!("WARNING: {msg}"));
        }
    }
    let text = match fmt {
        Format::Json => actors::json(&rows, &report.diagnosis),
        Format::Jsonl => actors::jsonl(&rows),
        Format::Table | Format::Wide => actors::table(
            report,
            &rows,
            fmt == Format::Wide,
            !args.output.no_headers,
            output::color_enabled(),
        ),
    };
    output::emit(&text)?;
    if fmt != Format::Json {
        output::note(&actors::summary_line(&rows));
    }
    let unhealthy = rows.iter().any(|r| r.class != Class::Healthy) || report.diagnosis.workers_down;
    Ok(if unhealthy { EXIT_UNHEALTHY } else { EXIT_OK })
}

fn selected_classes(a: &ListArgs) -> Vec<Class> {
    let mut wanted = a.classes.selected();
    if a.unhealthy {
        wanted.extend(Class::ALL.iter().filter(|c| **c != Class::Healthy));
    }
    if wanted.is_empty() {
        wanted = Class::ALL.to_vec();
    }
    wanted
}
