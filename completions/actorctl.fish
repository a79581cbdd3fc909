# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_actorctl_global_optspecs
    string join \n database-url= duroxide-url= cms-schema= duroxide-schema= actor-orchestration= connect-timeout= statement-timeout= config= context= v/verbose o/output= actor-interval= stuck-after= stale-after= max-unhealthy= operator= color= h/help V/version
end

function __fish_actorctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_actorctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_actorctl_using_subcommand
    set -l cmd (__fish_actorctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c actorctl -n "__fish_actorctl_needs_command" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_needs_command" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_needs_command" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_needs_command" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_needs_command" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_needs_command" -s V -l version -d 'Print version'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "list" -d 'List instance actors, classified, with the evidence for each'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "show" -d 'Show one instance: its actor, class, evidence, health checks, events and the store\'s view of the actor'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "start" -d 'Give an instance whose actor is missing or dead a new actor'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "restart" -d 'Replace an instance\'s actor: claim, start a new one, cancel the old, verify, audit'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "cancel" -d 'Cancel an instance\'s actor and clear its actor id (the instance is then unmonitored), or cancel an orphaned actor with --actor'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "recover" -d 'Repair many actors: select, preview, confirm, run with limits and progress, report every actor'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "sweep" -d 'Unattended repair, for cron on many nodes: one sweeper at a time (advisory lock), a crash-loop budget, monitoring outputs'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "reset-failed" -d 'Clear the crash-loop quarantine of instances, so sweeps repair them again'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "events" -d 'The audit trail: every action actorctl took on actors, fleet-wide or per instance, oldest first'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "doctor" -d 'Check everything actorctl relies on, one line each (ok, warn, fail) with a hint: where every setting came from, the connections, the CMS shape, the store ledger, the role\'s privileges, a pooler in front, the workers, clock skew'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "prune" -d 'Show the store\'s growth, and delete the earlier executions of actors'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "config" -d 'Show and switch the contexts of the config file'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c actorctl -n "__fish_actorctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l interval -d 'How often --watch refreshes (one fleet read each)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l warn -d 'With --check: WARNING from this many unhealthy actors' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l crit -d 'With --check: CRITICAL from this many unhealthy actors' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l warn-executions-per-actor -d 'With --check: WARNING when an actor holds more than N executions (the store grows; see `actorctl prune`)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l textfile -d 'Also write the metrics in Prometheus node_exporter textfile format to PATH (atomically: a temp file, then rename)' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l stale -d 'Stale actors (running, progressing, not recording health)'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l zombie -d 'Zombie actors (Running in the store, but nothing will wake them)'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l missing -d 'Instances with no actor, or whose actor the store does not know'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l dead -d 'Instances whose actor finished (Completed, Failed, cancelled)'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l orphaned -d 'Running actors that no running instance points to'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l stuck -d 'Instances creating or deleting for longer than --stuck-after'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l unhealthy -d 'Every class except healthy'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l no-headers -d 'Omit the table header'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l force -d 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -s w -l watch -d 'Keep watching until Ctrl-C (exit 0): on a terminal, redraw the table every --interval, changes marked; otherwise (and with -o jsonl) one JSON line per class change, every row at the first refresh'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -l check -d 'Nagios/Icinga plugin mode: one status line on stdout and the plugin\'s exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is CRITICAL; an unreachable database is UNKNOWN'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -l force -d 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)'
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand show" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l reason -d 'Why, recorded in the audit trail (default: names the command)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l verify-timeout -d 'How long to wait for the store to show the result before reporting it unverified' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l verify -d 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)' -r -f -a "healthy\t''
running\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l backend -d 'duroxide: the orchestration client on the store (default); http: the control plane\'s API (it claims and audits; actorctl verifies)' -r -f -a "duroxide\t''
http\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l api-url -d 'Base URL of the control plane API, for --backend http' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l api-token-file -d 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l api-timeout -d 'Timeout of one API request' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l api-auth -d 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres\'s server expects)' -r -f -a "bearer\t''
cookie\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l api-cookie-name -d 'Name of the session cookie, for --api-auth cookie' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l api-name-field -d 'The instances column that names an instance in API paths (toygres\'s API uses dns_name)' -r -f -a "dns_name\t''
k8s_name\t''
user_name\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l force -d 'Restart the actor even if it is healthy, stale or zombie (also accepts a --stale-after below twice --actor-interval)'
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -l dry-run -d 'Print the exact steps that would be taken; change nothing'
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l reason -d 'Why, recorded in the audit trail (default: names the command)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l verify-timeout -d 'How long to wait for the store to show the result before reporting it unverified' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l verify -d 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)' -r -f -a "healthy\t''
running\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l backend -d 'duroxide: the orchestration client on the store (default); http: the control plane\'s API (it claims and audits; actorctl verifies)' -r -f -a "duroxide\t''
http\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l api-url -d 'Base URL of the control plane API, for --backend http' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l api-token-file -d 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l api-timeout -d 'Timeout of one API request' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l api-auth -d 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres\'s server expects)' -r -f -a "bearer\t''
cookie\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l api-cookie-name -d 'Name of the session cookie, for --api-auth cookie' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l api-name-field -d 'The instances column that names an instance in API paths (toygres\'s API uses dns_name)' -r -f -a "dns_name\t''
k8s_name\t''
user_name\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l force -d 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)'
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -l dry-run -d 'Print the exact steps that would be taken; change nothing'
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand restart" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l actor -d 'Cancel this actor id instead: an orphan that no instance points to' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l reason -d 'Why, recorded in the audit trail (default: names the command)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l verify-timeout -d 'How long to wait for the store to show the result before reporting it unverified' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l verify -d 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)' -r -f -a "healthy\t''
running\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l backend -d 'duroxide: the orchestration client on the store (default); http: the control plane\'s API (it claims and audits; actorctl verifies)' -r -f -a "duroxide\t''
http\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l api-url -d 'Base URL of the control plane API, for --backend http' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l api-token-file -d 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l api-timeout -d 'Timeout of one API request' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l api-auth -d 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres\'s server expects)' -r -f -a "bearer\t''
cookie\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l api-cookie-name -d 'Name of the session cookie, for --api-auth cookie' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l api-name-field -d 'The instances column that names an instance in API paths (toygres\'s API uses dns_name)' -r -f -a "dns_name\t''
k8s_name\t''
user_name\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l force -d 'Accept a --stale-after below twice --actor-interval (it calls healthy actors stale)'
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -s y -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -l dry-run -d 'Print the exact steps that would be taken; change nothing'
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand cancel" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l plan -d 'Carry out a reviewed plan (`recover … --dry-run -o json > FILE`), each action re-checked against a fresh classification (a changed item is skipped); or retry the failed and unverified items of a results file (`-o json` of recover or sweep). Refused for another fleet' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l max -d 'Abort, touching nothing, when the plan has more actions than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l min-age -d 'Leave alone instances created, or actors started, less than this ago' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l concurrency -d 'Actions in flight at once' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l rps -d 'Start at most this many actions per second' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l reason -d 'Why, recorded in the audit trail (default: names the command)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l verify-timeout -d 'How long to wait for the store to show the result before reporting it unverified' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l verify -d 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)' -r -f -a "healthy\t''
running\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l backend -d 'duroxide: the orchestration client on the store (default); http: the control plane\'s API (it claims and audits; actorctl verifies)' -r -f -a "duroxide\t''
http\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l api-url -d 'Base URL of the control plane API, for --backend http' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l api-token-file -d 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l api-timeout -d 'Timeout of one API request' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l api-auth -d 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres\'s server expects)' -r -f -a "bearer\t''
cookie\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l api-cookie-name -d 'Name of the session cookie, for --api-auth cookie' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l api-name-field -d 'The instances column that names an instance in API paths (toygres\'s API uses dns_name)' -r -f -a "dns_name\t''
k8s_name\t''
user_name\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l all -d 'Every repairable actor: stale, zombie, missing, dead, orphaned'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l stale -d 'Stale actors (running, progressing, not recording health)'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l zombie -d 'Zombie actors (Running in the store, but nothing will wake them)'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l missing -d 'Instances with no actor, or whose actor the store does not know'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l dead -d 'Instances whose actor finished (Completed, Failed, cancelled)'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l orphaned -d 'Running actors that no running instance points to'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l stuck -d 'Instances creating or deleting for longer than --stuck-after'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -s y -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l force -d 'Act even when the workers are down or a fleet-wide cause is diagnosed (restarts then fix nothing); also accepts a low --stale-after'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -s q -l quiet -d 'No progress output; the report only'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -l dry-run -d 'Print the exact steps that would be taken; change nothing'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand recover" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l max -d 'Abort the whole sweep, touching nothing, when the plan has more actions than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l wait-lock -d 'Wait this long for another sweep\'s lock instead of exiting at once' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l restart-burst -d 'Quarantine an instance restarted or started this many times ...' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l restart-window -d '... within this window' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l min-age -d 'Leave alone instances created, or actors started, less than this ago' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l concurrency -d 'Actions in flight at once' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l rps -d 'Start at most this many actions per second' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l prune-budget -d 'With --prune: delete at most about this many executions per sweep (checked between actors)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l prune-keep-last -d 'With --prune: earlier executions to keep per actor, besides the current one' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l prune-older-than -d 'With --prune: delete only executions that completed longer ago than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l warn -d 'With --check: WARNING from this many unhealthy actors' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l crit -d 'With --check: CRITICAL from this many unhealthy actors' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l warn-executions-per-actor -d 'With --check: WARNING when an actor holds more than N executions (the store grows; see `actorctl prune`)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l textfile -d 'Also write the metrics in Prometheus node_exporter textfile format to PATH (atomically: a temp file, then rename)' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l reason -d 'Why, recorded in the audit trail (default: names the command)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l verify-timeout -d 'How long to wait for the store to show the result before reporting it unverified' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l verify -d 'What a start or restart must show to be done: healthy (the new actor is Running and has recorded a health check since it started) or running (Running only, for fleets whose health checks are slow)' -r -f -a "healthy\t''
running\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l backend -d 'duroxide: the orchestration client on the store (default); http: the control plane\'s API (it claims and audits; actorctl verifies)' -r -f -a "duroxide\t''
http\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l api-url -d 'Base URL of the control plane API, for --backend http' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l api-token-file -d 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l api-timeout -d 'Timeout of one API request' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l api-auth -d 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres\'s server expects)' -r -f -a "bearer\t''
cookie\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l api-cookie-name -d 'Name of the session cookie, for --api-auth cookie' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l api-name-field -d 'The instances column that names an instance in API paths (toygres\'s API uses dns_name)' -r -f -a "dns_name\t''
k8s_name\t''
user_name\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l force -d 'Act even when the workers are down or a fleet-wide cause is diagnosed; also accepts a low --stale-after'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l prune -d 'After the repairs, prune the actors\' earlier executions (under the sweep\'s lock)'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -s q -l quiet -d 'Print nothing unless something failed or is quarantined (for cron mail)'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -s y -l yes -d 'Accepted for habits from `recover`: a sweep never prompts'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l check -d 'Nagios/Icinga plugin mode: one status line on stdout and the plugin\'s exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Workers down is CRITICAL; an unreachable database is UNKNOWN'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -l dry-run -d 'Print the exact steps that would be taken; change nothing'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand sweep" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -l all -d 'Clear every quarantine'
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand reset-failed" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l since -d 'Only events newer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l type -d 'Only this event (repeatable): claimed, started, restarted, cancelled, quarantined, quarantine-cleared, held, or a raw event_type such as state_change. Default: every actor event' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l run -d 'Only the events of this run id' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l poll -d 'How often --follow polls' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l limit -d 'Show the newest this many events' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -s f -l follow -d 'Keep printing new events as they land (polls by id); Ctrl-C exits 0'
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l backend -d 'duroxide: the orchestration client on the store (default); http: the control plane\'s API (it claims and audits; actorctl verifies)' -r -f -a "duroxide\t''
http\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l api-url -d 'Base URL of the control plane API, for --backend http' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l api-token-file -d 'File holding the API bearer token (else ACTORCTL_API_TOKEN). Never given as a flag value' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l api-timeout -d 'Timeout of one API request' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l api-auth -d 'How the secret is sent: bearer (Authorization header) or cookie (a session cookie, as toygres\'s server expects)' -r -f -a "bearer\t''
cookie\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l api-cookie-name -d 'Name of the session cookie, for --api-auth cookie' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l api-name-field -d 'The instances column that names an instance in API paths (toygres\'s API uses dns_name)' -r -f -a "dns_name\t''
k8s_name\t''
user_name\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l keep-last -d 'Earlier executions to keep per actor, besides the current one (0: only the current one)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l older-than -d 'Delete only executions that completed longer ago than this (an execution completes when its successor starts)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l batch -d 'Actors per duroxide call, and at most 100,000 executions per call (each actor is pruned atomically)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l rps -d 'Start at most this many calls (batches) per second' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l max-duration -d 'Stop, between batches, after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l warn-executions-per-actor -d 'With --check: WARNING when an actor holds more than N executions' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l all -d 'Every actor of the actor orchestration (--actor-orchestration)'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l dry-run -d 'Show the store\'s growth and what a prune would delete; change nothing'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l exact -d 'Count history rows even on a large store (a full scan of the history table); otherwise above 1M rows they are estimated, and labelled so'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -s y -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -s q -l quiet -d 'No progress output; the report only'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -l check -d 'Nagios/Icinga plugin mode for the store\'s growth (changes nothing): 0 OK, 1 WARNING above --warn-executions-per-actor, 3 UNKNOWN'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -f -a "view" -d 'Print the config file, secrets redacted'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -f -a "get-contexts" -d 'List the contexts; the current one is marked'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -f -a "use-context" -d 'Make a context the current one'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and not __fish_seen_subcommand_from view get-contexts use-context help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Print the config file, secrets redacted'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get-contexts" -d 'List the contexts; the current one is marked'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use-context" -d 'Make a context the current one'
complete -c actorctl -n "__fish_actorctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l database-url -d 'CMS database URL (postgres://user@host:port/db?sslmode=...). Without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE are used' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l duroxide-url -d 'Orchestration store database URL, when not the CMS database' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l cms-schema -d 'Schema of the control plane\'s tables' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l duroxide-schema -d 'Schema of the duroxide-pg orchestration store' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l actor-orchestration -d 'Orchestration name of the instance actor' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l statement-timeout -d 'Cancel any single query that runs longer than this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l config -d 'Config file with named contexts [default: $XDG_CONFIG_HOME/actorctl/config.toml]' -r -F
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l context -d 'Context of the config file to use instead of its current context' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -s o -l output -d 'Output format: table (text), wide, json or jsonl; each command renders what it supports' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l actor-interval -d 'The instance actor\'s loop interval: --stale-after must be at least twice this, and the workers are down once due work is older than twice this' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l stuck-after -d 'An instance `creating` or `deleting` for longer than this is stuck (its lifecycle orchestration failed): listed, never repaired' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l stale-after -d 'Health checks or progress older than this count as stale' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l max-unhealthy -d 'The disruption budget: more unhealthy instances than this at once (a share like 50% or a count like 200, in a fleet of at least 10) is a fleet-wide cause; recover and sweep then refuse unless --force' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l operator -d 'Who, recorded in the audit trail (default: $USER@hostname)' -r
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -l color -d 'When to colour tables and logs: auto (a terminal without NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c actorctl -n "__fish_actorctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "list" -d 'List instance actors, classified, with the evidence for each'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "show" -d 'Show one instance: its actor, class, evidence, health checks, events and the store\'s view of the actor'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "start" -d 'Give an instance whose actor is missing or dead a new actor'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "restart" -d 'Replace an instance\'s actor: claim, start a new one, cancel the old, verify, audit'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "cancel" -d 'Cancel an instance\'s actor and clear its actor id (the instance is then unmonitored), or cancel an orphaned actor with --actor'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "recover" -d 'Repair many actors: select, preview, confirm, run with limits and progress, report every actor'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "sweep" -d 'Unattended repair, for cron on many nodes: one sweeper at a time (advisory lock), a crash-loop budget, monitoring outputs'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "reset-failed" -d 'Clear the crash-loop quarantine of instances, so sweeps repair them again'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "events" -d 'The audit trail: every action actorctl took on actors, fleet-wide or per instance, oldest first'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "doctor" -d 'Check everything actorctl relies on, one line each (ok, warn, fail) with a hint: where every setting came from, the connections, the CMS shape, the store ledger, the role\'s privileges, a pooler in front, the workers, clock skew'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "prune" -d 'Show the store\'s growth, and delete the earlier executions of actors'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "config" -d 'Show and switch the contexts of the config file'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and not __fish_seen_subcommand_from list show start restart cancel recover sweep reset-failed events doctor prune config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Print the config file, secrets redacted'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get-contexts" -d 'List the contexts; the current one is marked'
complete -c actorctl -n "__fish_actorctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use-context" -d 'Make a context the current one'
