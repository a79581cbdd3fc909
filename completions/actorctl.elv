
use builtin;
use str;

set edit:completion:arg-completer[actorctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'actorctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'actorctl'= {
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List instance actors, classified, with the evidence for each'
            cand show 'Show one instance: its actor, class, evidence, health checks, events and the store''s view of the actor'
            cand start 'Give an instance whose actor is missing or dead a new actor'
            cand restart 'Replace an instance''s actor: claim, start a new one, cancel the old, verify, audit'
            cand cancel 'Cancel an instance''s actor and clear its actor id (the instance is then unmonitored), or cancel an orphaned actor with --actor'
            cand recover 'Repair many actors: select, preview, confirm, run with limits and progress, report every actor'
            cand sweep 'Unattended repair, for cron on many nodes: one sweeper at a time (advisory lock), a crash-loop budget, monitoring outputs'
            cand reset-failed 'Clear the crash-loop quarantine of instances, so sweeps repair them again'
            cand prune 'Show the store''s growth, and delete the earlier executions of actors'
            cand config 'Show and switch the contexts of the config file'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'actorctl;list'= {
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --warn 'With --check: WARNING from this many unhealthy actors'
            cand --crit 'With --check: CRITICAL from this many unhealthy actors'
            cand --warn-executions-per-actor 'With --check: WARNING when an actor holds more than N executions (the store grows; see `actorctl prune`)'
            cand --textfile 'Also write the metrics in Prometheus node_exporter textfile format to PATH (atomically: a temp file, then rename)'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --stale 'Stale actors (running, progressing, not recording health)'
            cand --zombie 'Zombie actors (Running in the store, but nothing will wake them)'
            cand --missing 'Instances with no actor, or whose actor the store does not know'
            cand --dead 'Instances whose actor finished (Completed, Failed, cancelled)'
            cand --orphaned 'Running actors that no running instance points to'
            cand --unhealthy 'Every class except healthy'
            cand --no-headers 'Omit the table header'
            cand --check 'Nagios/Icinga plugin mode: one status line on stdout and the plugin''s exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is CRITICAL; an unreachable database is UNKNOWN'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'actorctl;show'= {
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;start'= {
            cand --reason 'Why, recorded in the audit trail (default: names the command)'
            cand --operator 'Who, recorded in the audit trail (default: $USER@hostname)'
            cand --verify-timeout 'How long to wait for the store to show the result before reporting it unverified'
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format of the result'
            cand --output 'Output format of the result'
            cand --backend 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)'
            cand --api-url 'Base URL of the control plane API, for --backend http'
            cand --api-token-file 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value'
            cand --api-timeout 'Timeout of one API request'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --force 'Restart the actor even if it is healthy, stale or zombie'
            cand --dry-run 'Print the exact steps that would be taken; change nothing'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'actorctl;restart'= {
            cand --reason 'Why, recorded in the audit trail (default: names the command)'
            cand --operator 'Who, recorded in the audit trail (default: $USER@hostname)'
            cand --verify-timeout 'How long to wait for the store to show the result before reporting it unverified'
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format of the result'
            cand --output 'Output format of the result'
            cand --backend 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)'
            cand --api-url 'Base URL of the control plane API, for --backend http'
            cand --api-token-file 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value'
            cand --api-timeout 'Timeout of one API request'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --dry-run 'Print the exact steps that would be taken; change nothing'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;cancel'= {
            cand --actor 'Cancel this actor id instead: an orphan that no instance points to'
            cand --reason 'Why, recorded in the audit trail (default: names the command)'
            cand --operator 'Who, recorded in the audit trail (default: $USER@hostname)'
            cand --verify-timeout 'How long to wait for the store to show the result before reporting it unverified'
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format of the result'
            cand --output 'Output format of the result'
            cand --backend 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)'
            cand --api-url 'Base URL of the control plane API, for --backend http'
            cand --api-token-file 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value'
            cand --api-timeout 'Timeout of one API request'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -y 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --dry-run 'Print the exact steps that would be taken; change nothing'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;recover'= {
            cand --max 'Abort, touching nothing, when the plan has more actions than this'
            cand --min-age 'Leave alone instances created, or actors started, less than this ago'
            cand --concurrency 'Actions in flight at once'
            cand --rps 'Start at most this many actions per second'
            cand --reason 'Why, recorded in the audit trail (default: names the command)'
            cand --operator 'Who, recorded in the audit trail (default: $USER@hostname)'
            cand --verify-timeout 'How long to wait for the store to show the result before reporting it unverified'
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format of the result'
            cand --output 'Output format of the result'
            cand --backend 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)'
            cand --api-url 'Base URL of the control plane API, for --backend http'
            cand --api-token-file 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value'
            cand --api-timeout 'Timeout of one API request'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --all 'Every repairable actor: stale, zombie, missing, dead, orphaned'
            cand --stale 'Stale actors (running, progressing, not recording health)'
            cand --zombie 'Zombie actors (Running in the store, but nothing will wake them)'
            cand --missing 'Instances with no actor, or whose actor the store does not know'
            cand --dead 'Instances whose actor finished (Completed, Failed, cancelled)'
            cand --orphaned 'Running actors that no running instance points to'
            cand -y 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --force 'Act even when the workers are down (restarts then fix nothing)'
            cand -q 'No progress output; the report only'
            cand --quiet 'No progress output; the report only'
            cand --dry-run 'Print the exact steps that would be taken; change nothing'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'actorctl;sweep'= {
            cand --max 'Abort the whole sweep, touching nothing, when the plan has more actions than this'
            cand --wait-lock 'Wait this long for another sweep''s lock instead of exiting at once'
            cand --restart-burst 'Quarantine an instance restarted or started this many times ...'
            cand --restart-window '... within this window'
            cand --min-age 'Leave alone instances created, or actors started, less than this ago'
            cand --concurrency 'Actions in flight at once'
            cand --rps 'Start at most this many actions per second'
            cand --prune-budget 'With --prune: delete at most about this many executions per sweep (checked between actors)'
            cand --prune-keep-last 'With --prune: earlier executions to keep per actor, besides the current one'
            cand --prune-older-than 'With --prune: delete only executions that completed longer ago than this'
            cand --warn 'With --check: WARNING from this many unhealthy actors'
            cand --crit 'With --check: CRITICAL from this many unhealthy actors'
            cand --warn-executions-per-actor 'With --check: WARNING when an actor holds more than N executions (the store grows; see `actorctl prune`)'
            cand --textfile 'Also write the metrics in Prometheus node_exporter textfile format to PATH (atomically: a temp file, then rename)'
            cand --reason 'Why, recorded in the audit trail (default: names the command)'
            cand --operator 'Who, recorded in the audit trail (default: $USER@hostname)'
            cand --verify-timeout 'How long to wait for the store to show the result before reporting it unverified'
            cand --stale-after 'Health checks or progress older than this count as stale'
            cand -o 'Output format of the result'
            cand --output 'Output format of the result'
            cand --backend 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)'
            cand --api-url 'Base URL of the control plane API, for --backend http'
            cand --api-token-file 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value'
            cand --api-timeout 'Timeout of one API request'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --force 'Act even when the workers are down'
            cand --prune 'After the repairs, prune the actors'' earlier executions (under the sweep''s lock)'
            cand -q 'Print nothing unless something failed or is quarantined (for cron mail)'
            cand --quiet 'Print nothing unless something failed or is quarantined (for cron mail)'
            cand --check 'Nagios/Icinga plugin mode: one status line on stdout and the plugin''s exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is CRITICAL; an unreachable database is UNKNOWN'
            cand --dry-run 'Print the exact steps that would be taken; change nothing'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'actorctl;reset-failed'= {
            cand --operator 'Who, recorded in the audit trail (default: $USER@hostname)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --all 'Clear every quarantine'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;prune'= {
            cand --keep-last 'Earlier executions to keep per actor, besides the current one (0: only the current one)'
            cand --older-than 'Delete only executions that completed longer ago than this (an execution completes when its successor starts)'
            cand --batch 'Actors per duroxide call, and at most 100,000 executions per call (each actor is pruned atomically)'
            cand --rps 'Start at most this many calls (batches) per second'
            cand --max-duration 'Stop, between batches, after this long'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --warn-executions-per-actor 'With --check: WARNING when an actor holds more than N executions'
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand --all 'Every actor of the actor orchestration (--actor-orchestration)'
            cand --dry-run 'Show the store''s growth and what a prune would delete; change nothing'
            cand --exact 'Count history rows even on a large store (a full scan of the history table); otherwise above 1M rows they are estimated, and labelled so'
            cand -y 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand -q 'No progress output; the report only'
            cand --quiet 'No progress output; the report only'
            cand --check 'Nagios/Icinga plugin mode for the store''s growth (changes nothing): 0 OK, 1 WARNING above --warn-executions-per-actor, 3 UNKNOWN'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'actorctl;config'= {
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
            cand view 'Print the config file, secrets redacted'
            cand get-contexts 'List the contexts; the current one is marked'
            cand use-context 'Make a context the current one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'actorctl;config;view'= {
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;config;get-contexts'= {
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;config;use-context'= {
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;config;help'= {
            cand view 'Print the config file, secrets redacted'
            cand get-contexts 'List the contexts; the current one is marked'
            cand use-context 'Make a context the current one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'actorctl;config;help;view'= {
        }
        &'actorctl;config;help;get-contexts'= {
        }
        &'actorctl;config;help;use-context'= {
        }
        &'actorctl;config;help;help'= {
        }
        &'actorctl;completions'= {
            cand --database-url 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used'
            cand --duroxide-url 'Orchestration store database URL, when not the CMS database'
            cand --cms-schema 'Schema of the control plane''s tables'
            cand --duroxide-schema 'Schema of the duroxide-pg orchestration store'
            cand --actor-orchestration 'Orchestration name of the instance actor'
            cand --connect-timeout 'Give up connecting after this long'
            cand --statement-timeout 'Cancel any single query that runs longer than this'
            cand --config 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]'
            cand --context 'Context of the config file to use instead of its current context'
            cand -v 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'actorctl;help'= {
            cand list 'List instance actors, classified, with the evidence for each'
            cand show 'Show one instance: its actor, class, evidence, health checks, events and the store''s view of the actor'
            cand start 'Give an instance whose actor is missing or dead a new actor'
            cand restart 'Replace an instance''s actor: claim, start a new one, cancel the old, verify, audit'
            cand cancel 'Cancel an instance''s actor and clear its actor id (the instance is then unmonitored), or cancel an orphaned actor with --actor'
            cand recover 'Repair many actors: select, preview, confirm, run with limits and progress, report every actor'
            cand sweep 'Unattended repair, for cron on many nodes: one sweeper at a time (advisory lock), a crash-loop budget, monitoring outputs'
            cand reset-failed 'Clear the crash-loop quarantine of instances, so sweeps repair them again'
            cand prune 'Show the store''s growth, and delete the earlier executions of actors'
            cand config 'Show and switch the contexts of the config file'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'actorctl;help;list'= {
        }
        &'actorctl;help;show'= {
        }
        &'actorctl;help;start'= {
        }
        &'actorctl;help;restart'= {
        }
        &'actorctl;help;cancel'= {
        }
        &'actorctl;help;recover'= {
        }
        &'actorctl;help;sweep'= {
        }
        &'actorctl;help;reset-failed'= {
        }
        &'actorctl;help;prune'= {
        }
        &'actorctl;help;config'= {
            cand view 'Print the config file, secrets redacted'
            cand get-contexts 'List the contexts; the current one is marked'
            cand use-context 'Make a context the current one'
        }
        &'actorctl;help;config;view'= {
        }
        &'actorctl;help;config;get-contexts'= {
        }
        &'actorctl;help;config;use-context'= {
        }
        &'actorctl;help;completions'= {
        }
        &'actorctl;help;help'= {
        }
    ]
    $completions[$command]
}
