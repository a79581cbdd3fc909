
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'actorctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'actorctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'actorctl' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List instance actors, classified, with the evidence for each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one instance: its actor, class, evidence, health checks, events and the store''s view of the actor')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Give an instance whose actor is missing or dead a new actor')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Replace an instance''s actor: claim, start a new one, cancel the old, verify, audit')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an instance''s actor and clear its actor id (the instance is then unmonitored), or cancel an orphaned actor with --actor')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Repair many actors: select, preview, confirm, run with limits and progress, report every actor')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Unattended repair, for cron on many nodes: one sweeper at a time (advisory lock), a crash-loop budget, monitoring outputs')
            [CompletionResult]::new('reset-failed', 'reset-failed', [CompletionResultType]::ParameterValue, 'Clear the crash-loop quarantine of instances, so sweeps repair them again')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The audit trail: every action actorctl took on actors, fleet-wide or per instance, oldest first')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check everything actorctl relies on, one line each (ok, warn, fail) with a hint: where every setting came from, the connections, the CMS shape, the store ledger, the role''s privileges, a pooler in front, the workers, clock skew')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Show the store''s growth, and delete the earlier executions of actors')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and switch the contexts of the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'actorctl;list' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often --watch refreshes (one fleet read each)')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'With --check: WARNING from this many unhealthy actors')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'With --check: CRITICAL from this many unhealthy actors')
            [CompletionResult]::new('--warn-executions-per-actor', '--warn-executions-per-actor', [CompletionResultType]::ParameterName, 'With --check: WARNING when an actor holds more than N executions (the store grows; see `actorctl prune`)')
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Also write the metrics in Prometheus node_exporter textfile format to PATH (atomically: a temp file, then rename)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Stale actors (running, progressing, not recording health)')
            [CompletionResult]::new('--zombie', '--zombie', [CompletionResultType]::ParameterName, 'Zombie actors (Running in the store, but nothing will wake them)')
            [CompletionResult]::new('--missing', '--missing', [CompletionResultType]::ParameterName, 'Instances with no actor, or whose actor the store does not know')
            [CompletionResult]::new('--dead', '--dead', [CompletionResultType]::ParameterName, 'Instances whose actor finished (Completed, Failed, cancelled)')
            [CompletionResult]::new('--orphaned', '--orphaned', [CompletionResultType]::ParameterName, 'Running actors that no running instance points to')
            [CompletionResult]::new('--stuck', '--stuck', [CompletionResultType]::ParameterName, 'Instances creating or deleting for longer than --stuck-after')
            [CompletionResult]::new('--unhealthy', '--unhealthy', [CompletionResultType]::ParameterName, 'Every class except healthy')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the table header')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep watching until Ctrl-C (exit 0): on a terminal, redraw the table every --interval, changes marked; otherwise (and with -o jsonl) one JSON line per class change, every row at the first refresh')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep watching until Ctrl-C (exit 0): on a terminal, redraw the table every --interval, changes marked; otherwise (and with -o jsonl) one JSON line per class change, every row at the first refresh')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Nagios/Icinga plugin mode: one status line on stdout and the plugin''s exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is CRITICAL; an unreachable database is UNKNOWN')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;start' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the audit trail (default: names the command)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store to show the result before reporting it unverified')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the control plane API, for --backend http')
            [CompletionResult]::new('--api-token-file', '--api-token-file', [CompletionResultType]::ParameterName, 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'Timeout of one API request')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres''s server expects)')
            [CompletionResult]::new('--api-cookie-name', '--api-cookie-name', [CompletionResultType]::ParameterName, 'Name of the session cookie, for --api-auth cookie')
            [CompletionResult]::new('--api-name-field', '--api-name-field', [CompletionResultType]::ParameterName, 'The instances column that names an instance in API paths (toygres''s API uses dns_name)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Restart the actor even if it is healthy, stale or zombie (also accepts a --stale-after below twice --actor-interval)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the exact steps that would be taken; change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;restart' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the audit trail (default: names the command)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store to show the result before reporting it unverified')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the control plane API, for --backend http')
            [CompletionResult]::new('--api-token-file', '--api-token-file', [CompletionResultType]::ParameterName, 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'Timeout of one API request')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres''s server expects)')
            [CompletionResult]::new('--api-cookie-name', '--api-cookie-name', [CompletionResultType]::ParameterName, 'Name of the session cookie, for --api-auth cookie')
            [CompletionResult]::new('--api-name-field', '--api-name-field', [CompletionResultType]::ParameterName, 'The instances column that names an instance in API paths (toygres''s API uses dns_name)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the exact steps that would be taken; change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;cancel' {
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Cancel this actor id instead: an orphan that no instance points to')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the audit trail (default: names the command)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store to show the result before reporting it unverified')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the control plane API, for --backend http')
            [CompletionResult]::new('--api-token-file', '--api-token-file', [CompletionResultType]::ParameterName, 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'Timeout of one API request')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres''s server expects)')
            [CompletionResult]::new('--api-cookie-name', '--api-cookie-name', [CompletionResultType]::ParameterName, 'Name of the session cookie, for --api-auth cookie')
            [CompletionResult]::new('--api-name-field', '--api-name-field', [CompletionResultType]::ParameterName, 'The instances column that names an instance in API paths (toygres''s API uses dns_name)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the exact steps that would be taken; change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;recover' {
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Carry out a reviewed plan (`recover … --dry-run -o json > FILE`), each action re-checked against a fresh classification (a changed item is skipped); or retry the failed and unverified items of a results file (`-o json` of recover or sweep). Refused for another fleet')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Abort, touching nothing, when the plan has more actions than this')
            [CompletionResult]::new('--min-age', '--min-age', [CompletionResultType]::ParameterName, 'Leave alone instances created, or actors started, less than this ago')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Actions in flight at once')
            [CompletionResult]::new('--rps', '--rps', [CompletionResultType]::ParameterName, 'Start at most this many actions per second')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the audit trail (default: names the command)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store to show the result before reporting it unverified')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the control plane API, for --backend http')
            [CompletionResult]::new('--api-token-file', '--api-token-file', [CompletionResultType]::ParameterName, 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'Timeout of one API request')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres''s server expects)')
            [CompletionResult]::new('--api-cookie-name', '--api-cookie-name', [CompletionResultType]::ParameterName, 'Name of the session cookie, for --api-auth cookie')
            [CompletionResult]::new('--api-name-field', '--api-name-field', [CompletionResultType]::ParameterName, 'The instances column that names an instance in API paths (toygres''s API uses dns_name)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every repairable actor: stale, zombie, missing, dead, orphaned')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Stale actors (running, progressing, not recording health)')
            [CompletionResult]::new('--zombie', '--zombie', [CompletionResultType]::ParameterName, 'Zombie actors (Running in the store, but nothing will wake them)')
            [CompletionResult]::new('--missing', '--missing', [CompletionResultType]::ParameterName, 'Instances with no actor, or whose actor the store does not know')
            [CompletionResult]::new('--dead', '--dead', [CompletionResultType]::ParameterName, 'Instances whose actor finished (Completed, Failed, cancelled)')
            [CompletionResult]::new('--orphaned', '--orphaned', [CompletionResultType]::ParameterName, 'Running actors that no running instance points to')
            [CompletionResult]::new('--stuck', '--stuck', [CompletionResultType]::ParameterName, 'Instances creating or deleting for longer than --stuck-after')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Act even when the workers are down or a fleet-wide cause is diagnosed (restarts then fix nothing); also accepts a low --stale-after')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress output; the report only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress output; the report only')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the exact steps that would be taken; change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;sweep' {
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Abort the whole sweep, touching nothing, when the plan has more actions than this')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'Wait this long for another sweep''s lock instead of exiting at once')
            [CompletionResult]::new('--restart-burst', '--restart-burst', [CompletionResultType]::ParameterName, 'Quarantine an instance restarted or started this many times ...')
            [CompletionResult]::new('--restart-window', '--restart-window', [CompletionResultType]::ParameterName, '... within this window')
            [CompletionResult]::new('--min-age', '--min-age', [CompletionResultType]::ParameterName, 'Leave alone instances created, or actors started, less than this ago')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Actions in flight at once')
            [CompletionResult]::new('--rps', '--rps', [CompletionResultType]::ParameterName, 'Start at most this many actions per second')
            [CompletionResult]::new('--prune-budget', '--prune-budget', [CompletionResultType]::ParameterName, 'With --prune: delete at most about this many executions per sweep (checked between actors)')
            [CompletionResult]::new('--prune-keep-last', '--prune-keep-last', [CompletionResultType]::ParameterName, 'With --prune: earlier executions to keep per actor, besides the current one')
            [CompletionResult]::new('--prune-older-than', '--prune-older-than', [CompletionResultType]::ParameterName, 'With --prune: delete only executions that completed longer ago than this')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'With --check: WARNING from this many unhealthy actors')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'With --check: CRITICAL from this many unhealthy actors')
            [CompletionResult]::new('--warn-executions-per-actor', '--warn-executions-per-actor', [CompletionResultType]::ParameterName, 'With --check: WARNING when an actor holds more than N executions (the store grows; see `actorctl prune`)')
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Also write the metrics in Prometheus node_exporter textfile format to PATH (atomically: a temp file, then rename)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the audit trail (default: names the command)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store to show the result before reporting it unverified')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the control plane API, for --backend http')
            [CompletionResult]::new('--api-token-file', '--api-token-file', [CompletionResultType]::ParameterName, 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'Timeout of one API request')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres''s server expects)')
            [CompletionResult]::new('--api-cookie-name', '--api-cookie-name', [CompletionResultType]::ParameterName, 'Name of the session cookie, for --api-auth cookie')
            [CompletionResult]::new('--api-name-field', '--api-name-field', [CompletionResultType]::ParameterName, 'The instances column that names an instance in API paths (toygres''s API uses dns_name)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Act even when the workers are down or a fleet-wide cause is diagnosed; also accepts a low --stale-after')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'After the repairs, prune the actors'' earlier executions (under the sweep''s lock)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing unless something failed or is quarantined (for cron mail)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing unless something failed or is quarantined (for cron mail)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accepted for habits from `recover`: a sweep never prompts')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accepted for habits from `recover`: a sweep never prompts')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Nagios/Icinga plugin mode: one status line on stdout and the plugin''s exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is CRITICAL; an unreachable database is UNKNOWN')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the exact steps that would be taken; change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;reset-failed' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Clear every quarantine')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;events' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events newer than this')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this event (repeatable): claimed, started, restarted, cancelled, quarantined, quarantine-cleared, held, or a raw event_type such as state_change. Default: every actor event')
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Only the events of this run id')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'How often --follow polls')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show the newest this many events')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events as they land (polls by id); Ctrl-C exits 0')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events as they land (polls by id); Ctrl-C exits 0')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;doctor' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'duroxide: the orchestration client on the store (default); http: the control plane''s API (it claims and audits; actorctl verifies)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the control plane API, for --backend http')
            [CompletionResult]::new('--api-token-file', '--api-token-file', [CompletionResultType]::ParameterName, 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'Timeout of one API request')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres''s server expects)')
            [CompletionResult]::new('--api-cookie-name', '--api-cookie-name', [CompletionResultType]::ParameterName, 'Name of the session cookie, for --api-auth cookie')
            [CompletionResult]::new('--api-name-field', '--api-name-field', [CompletionResultType]::ParameterName, 'The instances column that names an instance in API paths (toygres''s API uses dns_name)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;prune' {
            [CompletionResult]::new('--keep-last', '--keep-last', [CompletionResultType]::ParameterName, 'Earlier executions to keep per actor, besides the current one (0: only the current one)')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete only executions that completed longer ago than this (an execution completes when its successor starts)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Actors per duroxide call, and at most 100,000 executions per call (each actor is pruned atomically)')
            [CompletionResult]::new('--rps', '--rps', [CompletionResultType]::ParameterName, 'Start at most this many calls (batches) per second')
            [CompletionResult]::new('--max-duration', '--max-duration', [CompletionResultType]::ParameterName, 'Stop, between batches, after this long')
            [CompletionResult]::new('--warn-executions-per-actor', '--warn-executions-per-actor', [CompletionResultType]::ParameterName, 'With --check: WARNING when an actor holds more than N executions')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every actor of the actor orchestration (--actor-orchestration)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the store''s growth and what a prune would delete; change nothing')
            [CompletionResult]::new('--exact', '--exact', [CompletionResultType]::ParameterName, 'Count history rows even on a large store (a full scan of the history table); otherwise above 1M rows they are estimated, and labelled so')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress output; the report only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress output; the report only')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Nagios/Icinga plugin mode for the store''s growth (changes nothing): 0 OK, 1 WARNING above --warn-executions-per-actor, 3 UNKNOWN')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'actorctl;config' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file, secrets redacted')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts; the current one is marked')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'actorctl;config;view' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;config;get-contexts' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;config;use-context' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;config;help' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file, secrets redacted')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts; the current one is marked')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'actorctl;config;help;view' {
            break
        }
        'actorctl;config;help;get-contexts' {
            break
        }
        'actorctl;config;help;use-context' {
            break
        }
        'actorctl;config;help;help' {
            break
        }
        'actorctl;completions' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used')
            [CompletionResult]::new('--duroxide-url', '--duroxide-url', [CompletionResultType]::ParameterName, 'Orchestration store database URL, when not the CMS database')
            [CompletionResult]::new('--cms-schema', '--cms-schema', [CompletionResultType]::ParameterName, 'Schema of the control plane''s tables')
            [CompletionResult]::new('--duroxide-schema', '--duroxide-schema', [CompletionResultType]::ParameterName, 'Schema of the duroxide-pg orchestration store')
            [CompletionResult]::new('--actor-orchestration', '--actor-orchestration', [CompletionResultType]::ParameterName, 'Orchestration name of the instance actor')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Cancel any single query that runs longer than this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current context')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table (text), wide, json or jsonl; each command renders what it supports')
            [CompletionResult]::new('--actor-interval', '--actor-interval', [CompletionResultType]::ParameterName, 'The instance actor''s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired')
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Health checks or progress older than this count as stale')
            [CompletionResult]::new('--max-unhealthy', '--max-unhealthy', [CompletionResultType]::ParameterName, 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who, recorded in the audit trail (default: $USER@hostname)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'actorctl;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List instance actors, classified, with the evidence for each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one instance: its actor, class, evidence, health checks, events and the store''s view of the actor')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Give an instance whose actor is missing or dead a new actor')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Replace an instance''s actor: claim, start a new one, cancel the old, verify, audit')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an instance''s actor and clear its actor id (the instance is then unmonitored), or cancel an orphaned actor with --actor')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Repair many actors: select, preview, confirm, run with limits and progress, report every actor')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Unattended repair, for cron on many nodes: one sweeper at a time (advisory lock), a crash-loop budget, monitoring outputs')
            [CompletionResult]::new('reset-failed', 'reset-failed', [CompletionResultType]::ParameterValue, 'Clear the crash-loop quarantine of instances, so sweeps repair them again')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The audit trail: every action actorctl took on actors, fleet-wide or per instance, oldest first')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check everything actorctl relies on, one line each (ok, warn, fail) with a hint: where every setting came from, the connections, the CMS shape, the store ledger, the role''s privileges, a pooler in front, the workers, clock skew')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Show the store''s growth, and delete the earlier executions of actors')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and switch the contexts of the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'actorctl;help;list' {
            break
        }
        'actorctl;help;show' {
            break
        }
        'actorctl;help;start' {
            break
        }
        'actorctl;help;restart' {
            break
        }
        'actorctl;help;cancel' {
            break
        }
        'actorctl;help;recover' {
            break
        }
        'actorctl;help;sweep' {
            break
        }
        'actorctl;help;reset-failed' {
            break
        }
        'actorctl;help;events' {
            break
        }
        'actorctl;help;doctor' {
            break
        }
        'actorctl;help;prune' {
            break
        }
        'actorctl;help;config' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file, secrets redacted')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts; the current one is marked')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            break
        }
        'actorctl;help;config;view' {
            break
        }
        'actorctl;help;config;get-contexts' {
            break
        }
        'actorctl;help;config;use-context' {
            break
        }
        'actorctl;help;completions' {
            break
        }
        'actorctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
