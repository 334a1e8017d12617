const selectors = `Selectors (combined with AND; default: every base, groups are never touched):
  --base NAME       exact section name; repeat for several bases
  --id GUID         the base's ID= (braces optional); repeatable
  --match GLOB      name pattern, case-insensitive, Cyrillic too: "Бух*", "*ЗУП*"
  --folder PATH     bases in this Folder= and below, e.g. /Бухгалтерия
  --connect TEXT    Connect= contains TEXT, e.g. srv1c or ws=`;

const writing = `Safety:
  -n, --dry-run     show a unified diff of what would change; write nothing
  --backup          keep NAME.bak (an existing backup is never overwritten: NAME.<time>.bak)
  --json            one machine-readable report on stdout
  -j, --jobs N      files processed in parallel (default 16)`;

const paths = `PATHS are files, folders (searched at any depth for *.v8i, any letter case) and patterns
with * or ? in any part. Quote a pattern: cmd.exe "C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart",
PowerShell '\\\\fs\\1c$\\*.v8i' (single quotes keep $ as it is), Linux "/home/*/.1C/1cestart".
Instead of paths (or besides them):
  --discover        the lists 1C reads for you: your ibases.v8i and the CommonInfoBases= lists
                    of your 1CEStart.cfg and the computer's ("v8i locate" shows them)
  --users DIR       the same for every profile in DIR, e.g. --users C:\\Users or --users /home
  --lists WHICH     user (each user's own ibases.v8i), shared (CommonInfoBases=) or all (default)`;

const exitCodes = `Exit codes: 0 done, 1 some files failed (the others were still processed), 2 usage error.`;

export const helpTexts: Record<string, string> = {
  main: `v8i — read and change StartupErrorHelpText / StartupErrorHelpURL in 1C base lists (.v8i), in bulk,
without damaging anything else in the files.

Usage: v8i <command> [PATHS…] [options]

Commands:
  locate   show which lists and settings files 1C reads, and whether you can change them
  list     show the bases and groups of each file
  get      show the help text and URL of bases
  set      put a help text and/or URL into bases
  unset    remove the help text and/or URL from bases
  apply    set values per base from a plan (JSON or CSV)
  sync     fill help text and URL from a startup-help service
  check    report problems in base lists (exit 1 on errors)

Options: --help (for any command), --version

Examples (cmd.exe; in PowerShell the same, or with single quotes):
  v8i locate
  v8i set "C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart" --help-text "Дежурный администратор: +7 (495) 123-45-67" --dry-run
  v8i sync --discover --from https://help.example.local
  v8i unset "\\\\fs\\1c$\\common-bases.v8i" --backup
Linux:
  v8i set "/home/*/.1C/1cestart" --help-text "Дежурный администратор: +7 (495) 123-45-67" --dry-run

${exitCodes}
`,
  locate: `Usage: v8i locate [--users DIR] [--json]

Shows the files 1C reads to build the base list: your ibases.v8i and 1CEStart.cfg
(%APPDATA%\\1C\\1CEStart on Windows, ~/.1C/1cestart on Linux), the computer's
%ALLUSERSPROFILE%\\1C\\1CEStart\\1CEStart.cfg, every settings file those name by CommonCfgLocation=,
and every shared list named by CommonInfoBases= (often on a share) — each with whether it is there
and whether you may change it. The other commands take the same lists with --discover / --users.

  --users DIR       every profile in DIR instead of yours, e.g. --users C:\\Users

Examples:
  v8i locate
  v8i locate --users C:\\Users --json
`,
  list: `Usage: v8i list (PATHS… | --discover | --users DIR) [selectors] [--json]

Shows each file's encoding and line endings, then every entry: base or group, name, ID, Folder,
Connect, and whether help is set.

${paths}

${selectors}

Examples:
  v8i list ibases.v8i
  v8i list profiles --connect ws= --json
`,
  get: `Usage: v8i get (PATHS… | --discover | --users DIR) [selectors] [--key KEY]… [--json]

Shows StartupErrorHelpText and StartupErrorHelpURL of the selected bases (or the keys given by --key).

${paths}

${selectors}

Examples:
  v8i get ibases.v8i
  v8i get profiles --match "Бух*" --json
  v8i get ibases.v8i --key Connect --key Version
`,
  set: `Usage: v8i set (PATHS… | --discover | --users DIR) [--help-text TEXT] [--help-url URL] [selectors] [options]

Puts the help text and/or URL into every selected base: an existing value is replaced in place, a
missing key is added after the base's last line. Nothing else in the file changes; a file whose
content would not change is not rewritten. The text must be one line; the URL must be http(s).

${paths}

${selectors}

${writing}

Examples:
  v8i set profiles --help-text "Дежурный администратор: +7 (495) 123-45-67" --help-url https://help.example.local/1c --dry-run
  v8i set profiles --help-text "Дежурный администратор: +7 (495) 765-43-21" --backup
  v8i set ibases.v8i --base "Зарплата и управление персоналом" --help-url https://help.example.local/zup

${exitCodes}
`,
  unset: `Usage: v8i unset (PATHS… | --discover | --users DIR) [--help-text] [--help-url] [selectors] [options]

Removes the whole StartupErrorHelpText and/or StartupErrorHelpURL line from the selected bases
(both keys when neither flag is given).

${paths}

${selectors}

${writing}

Examples:
  v8i unset profiles --dry-run
  v8i unset ibases.v8i --help-url --folder /Архив

${exitCodes}
`,
  apply: `Usage: v8i apply (PATHS… | --discover | --users DIR) --plan FILE [selectors] [options]

Sets values per base from one plan for many files. A plan row names a base by exact name or ID
(a GUID in "base" counts as an ID); "*" stands for every base no other row names. An empty cell
leaves that value as it is. One row per base; a row that reaches no base is named in a note.

  JSON: [{ "base": "Бухгалтерия предприятия", "helpText": "…", "helpURL": "https://…" },
         { "id": "{…}", "helpURL": "https://…" }, { "base": "*", "helpText": "…" }]
  CSV:  base,helpText,helpURL   (a header row; ";" works as the delimiter too)

${paths}

${selectors}

${writing}

Examples:
  v8i apply profiles --plan samples/plans/help.json --dry-run
  v8i apply profiles --plan help.csv --backup --json

${exitCodes}
`,
  sync: `Usage: v8i sync (PATHS… | --discover | --users DIR) --from URL [--map FILE] [--lang LANG] [selectors] [options]

Reads GET <URL>/api/status of a startup-help service and fills StartupErrorHelpText and
StartupErrorHelpURL of each base: the service base whose name equals the section name (ignoring
case), or the one --map names; other bases get the service's defaults (key "*"). A value the
service does not have is left as it is. Same safety as "v8i set".

  --from URL      the service address, e.g. https://help.example.local
  --map FILE      JSON { "<v8i name or ID>": "<baseKey>" } or CSV with header base,baseKey
  --lang LANG     language of the texts (ru, en, lv); default: the service's default
  --timeout SEC   how long to wait for the service (default 15); a logon script wants a few seconds

${paths}

${selectors}

${writing}

Examples:
  v8i sync --discover --lists user --from https://help.example.local --timeout 5
  v8i sync "\\\\fs\\1c$\\common-bases.v8i" --from https://help.example.local --backup
  v8i sync profiles --from https://help.example.local --map bases.csv --lang ru --dry-run

${exitCodes}
`,
  check: `Usage: v8i check (PATHS… | --discover | --users DIR) [--json]

Reports problems: duplicate sections, duplicate IDs, duplicate keys, keys before any section,
malformed headers, bases without Connect, unreadable encodings. Exit 1 when a file has an error
or cannot be read; warnings alone exit 0.

${paths}

Examples:
  v8i check profiles
  v8i check ibases.v8i --json
`,
};
