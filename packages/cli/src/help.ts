/**
 * The help texts: plain strings, so that `welfare --help` loads nothing else.
 *
 * @since 0.1.0
 */

const exitCodes = `Exit codes:
  0  ok
  1  the document has problems (each is listed with its path)
  2  usage error: unknown command or option, missing or wrong argument
  3  a file cannot be read or written, or the input is not JSON: missing file,
     malformed, truncated, over the size limit, nested deeper than 100 levels,
     not UTF-8
  4  internal error: a bug, please report it with the command you ran`

const documentOptions = `  -m, --measurements FILE  also read measurements from an NDJSON file (one JSON
                           measurement a line): summarised as it is read, never
                           held, so 1,000,000 lines stay under 300 MB of memory
                           A Parquet or CSV file (flat columns: indicator,
                           assignment, period_start, period_end, municipality,
                           value, unit, level, measured_by, source, persons, id)
                           is summarised by embedded DuckDB; a postgres:// URL
                           reads a PostgreSQL table (see --table)
  -t, --threads N          threads that read the measurements file (default: the
                           cores available; 1 reads it on the main thread)
      --engine E           duckdb (also for NDJSON) or stream (in-process NDJSON)
      --table NAME         the PostgreSQL table of the measurements
                           (schema.table, default measurements)
      --max-size MB        the largest territory document read, in megabytes
                           (16, the most; a lower limit refuses more); a
                           document also holds at most 1,000,000 values.
                           FILE - reads standard input
  -h, --help               show this help`

/**
 * The help of `welfare` itself.
 *
 * @category formatting
 * @since 0.1.0
 */
export const main = `welfare: validate, assess, evaluate and report on a territory document
(a JSON file describing a territory: its actors, needs, partnerships, ...).

Usage: welfare <command> [options]

Commands:
  validate FILE    check a territory document and list every problem with its path
  assess FILE      assess the territory from traditional to generative welfare
  evaluate FILE    evaluate the territory's indicators against their measurements
  report FILE      write a report in Markdown, HTML or JSON, in Italian or English
  export FILE      write the territory in a standard (HSDS, FHIR, IATI, CIDS) or
                   as a workbook or CSV files (xlsx, csv)
  pseudonymise FILE  replace identifiers in CSV or NDJSON columns with keyed pseudonyms
  schema [ENTITY]  print the JSON Schema of the territory document or of one entity
  template --out PATH  write the spreadsheet template (.xlsx, or a folder of CSV)
  import PATH      read a workbook (.xlsx) or a folder of CSV files into a territory
                   document, every problem at its cell (Interventi!F12)

Options:
  -h, --help       show this help; "welfare <command> --help" shows a command's
  -V, --version    print the version

${exitCodes}

Examples:
  welfare validate examples/territories/legnano.json
  welfare report examples/territories/legnano.json --format html --out out/legnano.html
  welfare schema > territory.schema.json
  welfare template --out territorio.xlsx
  welfare import territorio.xlsx --out territory.json
`

/**
 * The help of each command.
 *
 * @category formatting
 * @since 0.1.0
 */
export const commands = {
  validate: `Usage: welfare validate FILE [options]

Checks a territory document: its shape (every field, kind and range) and its
integrity (unique ids, references to known ids). Prints every problem, one a
line, as "FILE: path: message", or a summary of what the document holds.

Options:
      --json               print the result as JSON: { file, valid, problems }
${documentOptions}

${exitCodes}

Example:
  welfare validate examples/territories/legnano.json
`,
  assess: `Usage: welfare assess FILE [options]

Assesses the territory on the seven dimensions of generative welfare, from
traditional (0) to generative (1), with the evidence behind every score: the
verdict (or "insufficient evidence"), the interventions' reading and the
system reading side by side with coverage, depth and sensitivity to the
rubric's editorial choices, each dimension's position (or "not observed"),
coverage and traits (pole, weight, seed row), each intervention's verdict and
the facts derived from the records, the declared facts the records
contradict, the graded system checks and opportunities (invariant 6), the
seven moves (seed 001), the seven characteristics (seed 004), the ladder of
community welfare (seed 002), the top recommendations and the findings.

Options:
      --json               print the assessment as JSON
  -l, --lang LANG          it or en (default it)
  -r, --rubric FILE        a rubric (JSON: weights, thresholds, evidence and
                           sensitivity settings, ranking; the rest from the
                           default rubric) in place of the default one
  -f, --format FORMAT      csv, arrow or parquet: write the tables instead of
                           printing (territory_reading, territory_interventions,
                           territory_dimensions, territory_checks, network_actors,
                           network_ties; persons never listed)
                           (it: scrive le tabelle in CSV, Arrow o Parquet)
  -o, --out DIR            the folder the tables are written to, one file each
                           (it: la cartella delle tabelle, un file ciascuna)
${documentOptions}

${exitCodes}

Examples:
  welfare assess examples/territories/legnano.json
  welfare assess examples/territories/legnano.json --format parquet --out out/tables
`,
  evaluate: `Usage: welfare evaluate FILE [options]

Evaluates the territory: each indicator against its baseline, target and
measurements, and the summary of the evaluation rounds.

Options:
      --json               print the evaluation as JSON
  -r, --rubric FILE        a rubric (JSON: weights, thresholds, evidence and
                           sensitivity settings, ranking; the rest from the
                           default rubric) in place of the default one
  -f, --format FORMAT      csv, arrow or parquet: write the tables instead of
                           printing (summary, published with small counts
                           suppressed; progress; accountability;
                           responsibility_map)
                           (it: scrive le tabelle in CSV, Arrow o Parquet)
  -o, --out DIR            the folder the tables are written to, one file each
                           (it: la cartella delle tabelle, un file ciascuna)
${documentOptions}

${exitCodes}

Examples:
  welfare evaluate examples/territories/legnano.json --measurements measurements.ndjson
  welfare evaluate examples/territories/legnano.json --format arrow --out out/tables
`,
  report: `Usage: welfare report FILE [options]

Writes the explained report of the territory, with charts: the assessment
with its evidence and recommendations, the system reading, the network and its
brokers, needs and taking charge (persons only as counts, counts below the
threshold hidden, with whatever would let them be found by subtraction), co-design findings, the shared evaluation and the Pact's
accounts. The HTML report is one self-contained file (no network, no external
fonts or scripts). With --out, prints a short summary (class, index, findings)
and where the report was written.

Options:
  -f, --format FORMAT      md, html or json (default html)
  -l, --lang LANG          it or en (default it)
  -o, --out PATH           write the report to PATH (folders are created) and
                           print where; without it, print the report
  -r, --rubric FILE        a rubric (JSON: weights, thresholds, evidence and
                           sensitivity settings, ranking; the rest from the
                           default rubric) in place of the default one
      --threshold N        hide counts of fewer than N persons, 3 to 11
                           (default 5; 11 is what health-data rules ask)
      --rounding B         round every shown count of persons to a multiple
                           of B, 2 to 10 (default: exact counts)
${documentOptions}

${exitCodes}

Example:
  welfare report examples/territories/legnano.json --format html --out out/legnano.html
  welfare report examples/territories/legnano.json --threshold 11 --rounding 5 --format md
`,
  export: `Usage: welfare export FILE --format FORMAT --out DIR

Writes the territory in the standard a neighbour system reads, under DIR
(folders are created). Each export is checked in @welfare's tests against the
standard's official schema; persons are never named and cells about fewer than
5 persons are left out.

Formats:
  hsds   Open Referral HSDS 3.0: organisations, services, locations and an
         Italian taxonomy, as the CSV tables of the HSDS data package
         (DIR/hsds/*.csv, datapackage.json) and as JSON (dataset.json, the
         input of the import; services.json, the nested services)
  fhir   HL7 FHIR R4, SDOH closed-loop referral: one Bundle per taking-charge
         case (DIR/fhir/CASE.json), the person a pseudonymous Patient
  iati   IATI 2.03 results: indicators, baselines, targets and published
         actuals by municipality and sector (DIR/iati/activities.xml)
  cids   Common Impact Data Standard JSON-LD, Essential tier
         (DIR/cids/impact.jsonld)
  xlsx   a workbook with the template's layout, filled (--out is the .xlsx
         file); "welfare import" reads it back as the same document
  csv    a folder of CSV files, one per sheet of the template

Options:
  -f, --format FORMAT      hsds, fhir, iati, cids, xlsx or csv
  -o, --out DIR            the folder the files are written to (the .xlsx
                           file for xlsx)
      --max-size MB        the largest territory document read, in megabytes
                           (16, the most; a lower limit refuses more); a
                           document also holds at most 1,000,000 values.
                           FILE - reads standard input
  -h, --help               show this help

${exitCodes}

Example:
  welfare export examples/territories/legnano.json --format hsds --out out/hsds
  welfare export examples/territories/legnano.json --format xlsx --out out/legnano.xlsx
`,
  schema: `Usage: welfare schema [ENTITY] [options]

Prints the JSON Schema (2020-12) of the territory document, or of one entity
(Actor, Need, ...). Every schema has a stable $id such as
https://welfare.dev/schema/0.1/Territory.json; the same files are published in
@welfare/core/schemas/.

Options:
      --list               list the entities that have a JSON Schema
  -o, --out PATH           write the schema to PATH instead of printing it
  -h, --help               show this help

${exitCodes}

Examples:
  welfare schema > territory.schema.json
  welfare schema Actor
  welfare schema --list
`,
  template: `Usage: welfare template --out PATH

Writes the spreadsheet template of the territory document, generated from its
schemas: one sheet per list of records (Attori, Interventi, Misurazioni, ...)
with the Italian header on row 1 and the key on row 2, a drop-down list for
every enumerated column, and the sheet Istruzioni explaining every column.
With a PATH that does not end in .xlsx, writes a folder of CSV files instead,
one per sheet, with the keys as header.

Options:
  -o, --out PATH           the workbook (.xlsx) or the folder to write
  -h, --help               show this help

${exitCodes}

Example:
  welfare template --out territorio.xlsx
`,
  import: `Usage: welfare import PATH [options]

Reads a workbook (.xlsx) or a folder of CSV files (one per sheet, named like
the sheet: Attori.csv, Interventi.csv, ...) into a territory document. Every
problem is listed at once at its sheet, row and column, with the same problem
codes as "welfare validate":
  territorio.xlsx: Interventi!F12: atteso uno di: lack, interactions, both [invalid-value]
Formulas, merged cells, dates typed as dates, sheets beyond 500,000 rows and
files that inflate beyond their limits are refused with a problem.

Options:
  -o, --out PATH           write the territory document to PATH (else print it)
  -l, --lang LANG          the language of the problems: it or en (default it)
      --json               print the problems as JSON
  -h, --help               show this help

${exitCodes}

Example:
  welfare import territorio.xlsx --out territory.json
`,
  pseudonymise: `Usage: welfare pseudonymise FILE --key-file KEY --domain NAME --columns A,B [options]

Replaces the identifiers in some columns of a CSV file (by header name), or in
some top-level properties of an NDJSON file, with keyed pseudonyms: p- and the
64 hexadecimal digits of HMAC-SHA-256(secret, NAME, identifier). The same
identifier gets the same pseudonym under the same key and domain, so records
still link; without the key no one can recompute or test one. Pseudonymised
data are still personal data (EDPB Guidelines 01/2025): keep KEY apart from
them, with whoever may re-identify.

The file streams: it is read line by line and written as it goes, in bounded
memory whatever its size (no size limit). Problems (a line that is not JSON or
not UTF-8, a CSV row whose fields do not match the header, a quote never
closed, a line over 1 MiB) are listed with their lines, never quoting the
file. With -o the output is all or nothing: it is written to a hidden
temporary file beside PATH, renamed to PATH at the end, and deleted on any
problem (a file already at PATH is then left as it was). Standard output gets
the records before the first problem, with control characters escaped: use
-o for a byte-exact file.

Options:
      --key-file KEY       the secret: a file of at least 32 random bytes
                           (openssl rand -out pseudonym.key 32), kept apart
      --domain NAME        what the pseudonyms are for (legnano-2016-evaluation):
                           two domains give unrelated pseudonyms
      --columns A,B        the columns (CSV) or properties (NDJSON) to replace
  -f, --format FORMAT      csv or ndjson (default: from the file's extension)
  -o, --out PATH           write to PATH instead of standard output
      --max-size MB        the largest file read, in megabytes (default: none)
  -h, --help               show this help

${exitCodes}

Examples:
  welfare pseudonymise cases.csv --key-file ~/keys/pseudonym.key --domain legnano-2016 --columns codice_fiscale -o cases.pseudo.csv
  welfare pseudonymise people.ndjson --key-file pseudonym.key --domain legnano-2016 --columns person
`
} as const

/**
 * A command of `welfare`.
 *
 * @category formatting
 * @since 0.1.0
 */
export type Command = keyof typeof commands

/**
 * Whether a text names a command.
 *
 * @category formatting
 * @since 0.1.0
 */
export const isCommand = (name: string): name is Command => Object.hasOwn(commands, name)
