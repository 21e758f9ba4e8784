/**
 * The CLI's help: `skillmatch --help` names the commands; `skillmatch <command> --help` (or
 * `skillmatch help <command>`) gives one command's options and examples. `serve` has its own in
 * `serve.ts`.
 */

/** The exit codes, as every help page states them. */
export const EXIT_CODES_HELP = `Exit codes:
  0    success: every input was read
  1    an input could not be used (reported on stderr; the rest is still
       printed), or no input was a résumé
  2    usage: the command line is wrong (an unknown command or option, a bad
       value)
  3    configuration: the role cannot be used (an unknown id; a role file
       missing, not JSON or invalid; a job description asking for no
       technology), or \`serve\` cannot start (a missing optional dependency,
       a port it cannot listen on)
  70   internal error (a bug: please report it)
  130  stopped by SIGINT, 143 by SIGTERM (what was done so far is printed)`;

const ROLE_HELP = `<role> is a built-in role id (see \`skillmatch roles\`), a role .json file
(a schema.org JobPosting .json is turned into a role), or a job description
.txt/.md file turned into a role.`;

const FILES_HELP = `Folders are walked recursively for .pdf .docx .html .htm .md .markdown .txt
.json files, skipping hidden entries, node_modules, expected*.json,
truth.json, role.json and package*.json (each skip is reported on stderr).
File names that start with "-" go after \`--\`.`;

const OPTION = {
  asOf: '  --as-of YYYY-MM     the month "present" means (default: this month)',
  documentDate:
    '  --document-date D   when the résumés were written or received, for stored\n                      ones: YYYY-MM, or "estimate" (a year after the latest\n                      month each writes); default: the file\'s own date, else\n                      --as-of',
  noIsolate:
    '  --no-isolate        parse PDF and DOCX in this process, not in isolated\n                      child processes: faster to start; trusted files only',
  workers: '  --workers N         parse processes (default: cores - 1, at least 1)',
  width: "  --width N           table width (default: the terminal's, else 100)",
  help: '  -h, --help          this help',
} as const;

/** The first page: what each command does. */
export const USAGE = `skillmatch — match résumés to roles (npm package @skillmatch/core)

Usage:
  skillmatch parse <file>                  a résumé's text, sections, timeline
  skillmatch extract <files or folders...> each résumé's skills, with evidence
  skillmatch resolve <name...>             what the taxonomy makes of names
  skillmatch rank --role <role> <files and folders...>
                                           rank résumés against a role
  skillmatch match --role <role> <file>    one candidate, explained
  skillmatch roles                         the built-in roles
  skillmatch serve [--port P] …            the HTTP service for ATS systems
  skillmatch --help | --version

Run \`skillmatch <command> --help\` (or \`skillmatch help <command>\`) for a
command's options and examples.

${ROLE_HELP}

${FILES_HELP}

Untrusted PDF and DOCX files are parsed in isolated child processes
(--no-isolate: in this process). Errors go to stderr in every format; stdout
holds only the output.

${EXIT_CODES_HELP}
`;

function page(
  title: string,
  usage: string,
  body: string,
  options: readonly string[],
  examples: readonly string[],
): string {
  return `${title}

Usage:
  ${usage}

${body}

Options:
${[...options, OPTION.help].join('\n')}

Examples:
${examples.map((e) => `  ${e}`).join('\n')}

${EXIT_CODES_HELP}
`;
}

/** One help page per command (\`serve\`'s is \`SERVE_USAGE\`). */
export const COMMAND_HELP: Readonly<Record<string, string>> = Object.freeze({
  parse: page(
    'skillmatch parse — read one résumé',
    'skillmatch parse <file> [--format json|text] [--as-of YYYY-MM]\n         [--document-date D] [--no-isolate]',
    `Prints the ResumeDocument: the text read, its sections, the dated experience
timeline, and diagnostics on how the file was read (a PDF of scanned images
says no-text-layer).`,
    [
      '  --format FORMAT     json (default): the ResumeDocument; text: a summary',
      OPTION.asOf,
      OPTION.documentDate,
      OPTION.noIsolate,
    ],
    ['skillmatch parse cv.pdf --format text', 'skillmatch parse cv.docx > cv.json'],
  ),
  extract: page(
    'skillmatch extract — the skills in each résumé',
    'skillmatch extract <files or folders...> [--format jsonl|json|table]\n         [--as-of YYYY-MM] [--document-date D] [--no-isolate] [--workers N]\n         [--width N]',
    `One record per file, in input order: its skills with each mention's offsets,
context and flags, months of dated use and last use, the diagnostics, and
unreadable/reason for a file with no text (a scan); or the file's error
(also on stderr).

${FILES_HELP}`,
    [
      '  --format FORMAT     jsonl (default): a JSON object a line; json: one array;\n                      table: a table per file',
      OPTION.asOf,
      OPTION.documentDate,
      OPTION.noIsolate,
      OPTION.workers,
      OPTION.width,
    ],
    ['skillmatch extract resumes/ > skills.jsonl', 'skillmatch extract cv.pdf --format table'],
  ),
  resolve: page(
    'skillmatch resolve — what the taxonomy makes of skill names',
    'skillmatch resolve <name...> [--format jsonl|table] [--width N]',
    `One record per name: the skill it resolves to (exactly or as a typo), or
the closest skills.`,
    ['  --format FORMAT     jsonl (default) or table', OPTION.width],
    ['skillmatch resolve k8s Postgress "express delivery"', 'skillmatch resolve golang --format table'],
  ),
  rank: page(
    'skillmatch rank — rank résumés against a role',
    'skillmatch rank --role <role> <files and folders...>\n         [--format table|json|csv|html] [--top N] [--as-of YYYY-MM]\n         [--document-date D] [--no-isolate] [--workers N] [--width N]',
    `Scores every résumé against the role and prints them best first (those who
meet the must-haves first). A résumé with no text (a scanned PDF) is marked
as such, not shown as a 0-score candidate. Files that cannot be used are
listed on stderr (and in the json output's errors).

${ROLE_HELP}

${FILES_HELP}`,
    [
      '  -r, --role ROLE     the role to rank against (required)',
      '  --format FORMAT     table (default; fitted to --width), json, csv, or html\n                      (one report page)',
      '  --top N             only the best N',
      OPTION.asOf,
      OPTION.documentDate,
      OPTION.noIsolate,
      OPTION.workers,
      OPTION.width,
    ],
    [
      'skillmatch rank --role backend-developer resumes/',
      'skillmatch rank --role job.txt --format csv --top 20 resumes/ > top.csv',
      'skillmatch rank --role backend-developer -- *.pdf',
    ],
  ),
  match: page(
    'skillmatch match — one candidate against a role, explained',
    'skillmatch match --role <role> <file> [--format text|json] [--as-of YYYY-MM]\n         [--document-date D] [--no-isolate]',
    `Every requirement with its status (met, partial, missing), how it was met,
the evidence sentences with their offsets, months of dated use and last use,
the summary and the diagnostics.

${ROLE_HELP}`,
    [
      '  -r, --role ROLE     the role to match against (required)',
      '  --format FORMAT     text (default) or json',
      OPTION.asOf,
      OPTION.documentDate,
      OPTION.noIsolate,
    ],
    ['skillmatch match --role backend-developer cv.pdf', 'skillmatch match --role job.md cv.docx --format json'],
  ),
  roles: page(
    'skillmatch roles — the built-in roles',
    'skillmatch roles [--format table|json] [--width N]',
    `Each built-in role with its number of required, preferred and bonus
requirements (json: in full).`,
    ['  --format FORMAT     table (default) or json', OPTION.width],
    ['skillmatch roles', 'skillmatch roles --format json > roles.json'],
  ),
});
