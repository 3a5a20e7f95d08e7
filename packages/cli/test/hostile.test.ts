/**
 * The hostile-input corpus of issue 14: each case was accepted (or hung, or
 * blamed the wrong file) before, and has its test here.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ExitCode, escapeControl, nodeIo, run } from "../src/index.js"
import { checker } from "../src/json.js"
import { maxPrintedProblems } from "../src/load.js"
import { maxValues } from "../src/read.js"
import { memoryIo } from "./memory.js"

const root = join(import.meta.dirname, "..", "..", "..")
const legnano = readFileSync(join(root, "examples", "territories", "legnano.json"), "utf8")
const doc = JSON.parse(legnano) as Record<string, unknown> & {
  actors: Array<Record<string, unknown>>
  needs: Array<Record<string, unknown>>
}
const temp = mkdtempSync(join(tmpdir(), "welfare-hostile-"))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const runWith = async (argv: ReadonlyArray<string>, files: Record<string, string> = {}) => {
  const m = memoryIo(files)
  const code = await run(argv, m.io)
  return { code, stdout: m.stdout(), stderr: m.stderr(), written: m.written }
}

const good =
  '{"indicator":"ind-ore","assignment":"asg-ore","period":{"start":"2016-01-01","end":"2016-12-31"},"value":4700,"unit":"hour","measuredBy":"comune-legnano","source":"administrative-data"}'

describe("unknown properties are problems, named but never quoted", () => {
  it("in a document: a free-text note on an actor, and constructor/prototype/toString keys", async () => {
    const actors = [...doc.actors]
    actors[0] = {
      ...actors[0],
      note: "Mario Rossi, vive solo, 82 anni",
      constructor: 1,
      prototype: 2,
      toString: 3
    }
    const r = await runWith(["validate", "t.json"], { "t.json": JSON.stringify({ ...doc, actors }) })
    expect(r.code).toBe(ExitCode.problems)
    for (const key of ["note", "constructor", "prototype", "toString"])
      expect(r.stdout).toContain(`t.json: actors[0].${key}: is not a property of this object`)
    expect(r.stdout).not.toContain("Mario")
  })

  it("a misspelt top-level section is reported, not silently dropped", async () => {
    const { needs, ...rest } = doc
    const r = await runWith(["validate", "t.json"], { "t.json": JSON.stringify({ ...rest, need: needs }) })
    expect(r.code).toBe(ExitCode.problems)
    expect(r.stdout).toContain(
      "t.json: need: is not a property of this object: remove it, or check its spelling"
    )
  })

  it("in an NDJSON measurements file, with its line", async () => {
    const r = await runWith(["validate", "t.json", "--measurements", "m.ndjson"], {
      "t.json": legnano,
      "m.ndjson": `${good}\n${good.replace("{", '{"note":"Mario Rossi",')}\n`
    })
    expect(r.code).toBe(ExitCode.problems)
    expect(r.stdout).toContain("m.ndjson:2: note: is not a property of this object")
    expect(r.stdout).not.toContain("Mario")
  })

  it("an enum error describes the text it got, never quotes it", async () => {
    const needs = [...doc.needs]
    needs[0] = { ...needs[0], status: "Mario Rossi, vive solo" }
    const r = await runWith(["validate", "t.json"], { "t.json": JSON.stringify({ ...doc, needs }) })
    expect(r.stdout).toContain(
      "needs[0].status: expected one of latent, emerging, overt, got a text of 22 characters"
    )
    expect(r.stdout).not.toContain("Mario")
  })
})

describe("duplicate keys", () => {
  it("a second actors list is reported with its line and column, not silently kept", async () => {
    const text =
      '{\n  "name": "Ambito di Legnano",\n  "actors": [],\n  "municipalities": [],\n  "actors": []\n}'
    const r = await runWith(["validate", "t.json"], { "t.json": text })
    expect(r.code).toBe(ExitCode.input)
    expect(r.stderr).toBe(
      'welfare: t.json:5:3: not valid JSON: the property "actors" appears twice in this object (first at line 3, column 3): a JSON reader keeps only the last one, so merge the two or remove one\n'
    )
  })

  it("finds a duplicate split across chunks and spelt with escapes, and allows one key per object", () => {
    const c = checker(100)
    expect(c.push('{"a": {"x": 1}, "b": {"x": 2}, "\\u0061')).toBeUndefined()
    expect(c.push('": 3}')?.message).toMatch(
      /^the property "a" appears twice in this object \(first at line 1, column 2\)/
    )
    const ok = checker(100)
    expect(ok.push('[{"a": 1}, {"a": 2}]')).toBeUndefined()
    expect(ok.end()).toBeUndefined()
  })

  it("never quotes a long or spaced key", () => {
    const c = checker(100)
    expect(c.push('{"Mario Rossi": 1, "Mario Rossi": 2}')?.message).toMatch(
      /^a property name \(a text of 11 characters\) appears twice/
    )
  })
})

describe("the terminal is never driven by a document", () => {
  it("escapes control characters in names, in assess and in report --out messages", async () => {
    const evil = { ...doc, name: "Ambito\u001b]0;pwned\u0007\u001b[2J di Legnano" }
    const files = { "t.json": JSON.stringify(evil) }
    for (const argv of [
      ["assess", "t.json"],
      ["report", "t.json", "--out", "r.html"],
      ["evaluate", "t.json"]
    ]) {
      const r = await runWith(argv, files)
      expect(r.code, argv.join(" ")).toBe(ExitCode.ok)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
      if (argv[0] !== "evaluate")
        expect(r.stdout).toContain("Ambito\\u001b]0;pwned\\u0007\\u001b[2J di Legnano")
    }
    expect(escapeControl("a\tb\nc\u202ed")).toBe("a\tb\nc\\u202ed")
  })
})

describe("resources and hangs", () => {
  it(`prints the first ${maxPrintedProblems} problems in file order, then a count by kind`, async () => {
    const actors = Array.from({ length: 1000 }, () => ({ ...doc.actors[1], id: "comune-legnano" }))
    const r = await runWith(["validate", "t.json"], { "t.json": JSON.stringify({ ...doc, actors }) })
    expect(r.code).toBe(ExitCode.problems)
    const lines = r.stdout.trimEnd().split("\n")
    expect(lines).toHaveLength(maxPrintedProblems + 2)
    expect(lines[maxPrintedProblems]).toMatch(
      new RegExp(
        `^\\.\\.\\. and \\d+ more problems not shown \\(\\d+ duplicate-id.*\\): only the first ${maxPrintedProblems} are printed$`
      )
    )
    const json = await runWith(["validate", "t.json", "--json"], {
      "t.json": JSON.stringify({ ...doc, actors })
    })
    const parsed = JSON.parse(json.stdout) as { problems: Array<unknown>; problemCount: number }
    expect(parsed.problems).toHaveLength(maxPrintedProblems)
    expect(parsed.problemCount).toBeGreaterThan(maxPrintedProblems)
  })

  it("errors of a --measurements file name that file, not the valid territory", async () => {
    const r = await runWith(["assess", "t.json", "--measurements", "m.ndjson"], {
      "t.json": legnano,
      "m.ndjson": `${good.replace('"unit":"hour"', '"unit":"litre"')}\n`
    })
    expect(r.code).toBe(ExitCode.problems)
    expect(r.stderr).toContain(
      "welfare: m.ndjson has problems: fix them first (welfare validate t.json --measurements m.ndjson)"
    )
    expect(r.stderr).not.toContain("t.json has problems")
  })

  it("an NDJSON line that is not UTF-8 says so", async () => {
    const path = join(temp, "bad.ndjson")
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${good}\n{"indicator": "ind-ore`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('" oops\n')
      ])
    )
    const t = join(temp, "t.json")
    writeFileSync(t, legnano)
    const out: Array<string> = []
    const code = await run(["validate", t, "--measurements", path, "--threads", "1"], {
      ...nodeIo(),
      stdout: (s) => void out.push(s),
      stderr: (s) => void out.push(s)
    })
    expect(code).toBe(ExitCode.problems)
    expect(out.join("")).toContain(`${path}:2: line 2: not UTF-8 text`)
  })

  it("refuses a FIFO instead of blocking on it", async () => {
    const fifo = join(temp, "fifo")
    const made = spawnSync("mkfifo", [fifo])
    expect(made.status, "mkfifo is needed for this test").toBe(0)
    const err: Array<string> = []
    const code = await run(["validate", fifo], {
      ...nodeIo(),
      stdout: () => {},
      stderr: (s) => void err.push(s)
    })
    expect(code).toBe(ExitCode.input)
    expect(err.join("")).toContain("it is not a regular file (a pipe, a device or a socket)")
  })

  it("fails fast on --out under /proc, for report and schema (a separate process, killed if it spins)", async () => {
    const bin = join(root, "packages", "cli", "src", "bin.ts")
    const t = join(temp, "t2.json")
    writeFileSync(t, legnano)
    for (const argv of [
      ["report", t, "--out", "/proc/nope/x.html"],
      ["schema", "--out", "/proc/nope/x.json"]
    ]) {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ["--conditions=@welfare/source", "--import", "tsx", bin, ...argv],
          { cwd: root, stdio: ["ignore", "ignore", "pipe"] }
        )
        let stderr = ""
        child.stderr.on("data", (b: Buffer) => {
          stderr += b.toString("utf8")
        })
        // a generous budget for a busy machine: the bug was a spin that never ends
        const timer = setTimeout(() => child.kill("SIGKILL"), 120_000)
        child.on("close", (code) => {
          clearTimeout(timer)
          resolve({ code, stderr })
        })
      })
      expect(result.code, argv.join(" ")).toBe(ExitCode.input)
      expect(result.stderr).toMatch(/^welfare: cannot write \/proc\/nope\/x\.(html|json)/)
    }
  })
})

describe("the size limit admits only what is read within bounded memory (issue 14)", () => {
  it("--max-size can lower the 16 MB limit, never raise it (a 200 MB document reached 2.2 GB)", async () => {
    for (const size of ["17", "64", "300", "4096"]) {
      const r = await runWith(["validate", "t.json", "--max-size", size], { "t.json": JSON.stringify(doc) })
      expect(r.code, size).toBe(ExitCode.usage)
      expect(r.stderr).toContain(
        "welfare: --max-size can lower the largest document, not raise it past 16 MB: a document is read whole, and beyond that its memory could pass 300 MB. Move measurements to an NDJSON file passed with --measurements (it streams whatever its size), or split the territory"
      )
    }
    for (const argv of [
      ["export", "t.json", "--format", "csv", "--out", "o", "--max-size", "64"],
      ["report", "t.json", "--max-size", "17"],
      ["assess", "t.json", "--max-size", "20"]
    ])
      expect((await runWith(argv, { "t.json": JSON.stringify(doc) })).code, argv.join(" ")).toBe(
        ExitCode.usage
      )
    expect(
      (await runWith(["validate", "t.json", "--max-size", "16"], { "t.json": JSON.stringify(doc) })).code
    ).toBe(ExitCode.ok)
  })

  it("a document of more than 1,000,000 values (3 MB of {}) is refused before it is parsed, with where and what to do", async () => {
    const items = Array.from({ length: maxValues }, () => "{}").join(",")
    const text = `{"name":"x","municipalities":[],"actors":[${items}]}`
    const r = await runWith(["validate", "t.json"], { "t.json": text })
    expect(r.code).toBe(ExitCode.input)
    expect(r.stdout).toBe("")
    expect(r.stderr).toMatch(
      /^welfare: t\.json:1:\d+: t\.json holds more than 1,000,000 values \(objects, lists, texts, numbers\), the most read whole within bounded memory for a territory document\. Move measurements to an NDJSON file passed with --measurements \(it streams whatever its size\), or split the territory\.\n$/
    )
    // exactly 1,000,000 values pass the check: the document, its name, its two lists and 999,996 items
    const c = checker(100, maxValues)
    expect(
      c.push(`{"name":"x","municipalities":[],"actors":[${items.slice(4 * 3)}]}`) ?? c.end()
    ).toBeUndefined()
  }, 120_000)

  it("the checker counts values, not property names, in any nesting", () => {
    const count = (text: string, max: number) => {
      const c = checker(100, max)
      return c.push(text) ?? c.end()
    }
    expect(count('{"a":[1,"x",true,null,{"b":[]}]}', 8)).toBeUndefined()
    expect(count('{"a":[1,"x",true,null,{"b":[]}]}', 7)?.tooManyValues).toBe(true)
    expect(count("[]", 1)).toBeUndefined()
    expect(count("[[]]", 1)?.tooManyValues).toBe(true)
  })
})

describe("welfare pseudonymise", () => {
  const key = "k".repeat(32)
  const hmac = async (id: string) => {
    const { createHmac } = await import("node:crypto")
    return `p-${createHmac("sha256", key).update(`legnano-2016\u0000${id}`).digest("hex")}`
  }

  it("replaces a CSV column by header name, quoting kept, other columns untouched", async () => {
    const r = await runWith(
      ["pseudonymise", "cases.csv", "--key-file", "k.key", "--domain", "legnano-2016", "--columns", "cf"],
      { "cases.csv": 'cf,comune,nota\nRSSMRA80A01F205X,Legnano,"a, b"\n,Canegrate,\n', "k.key": key }
    )
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stdout).toBe(`cf,comune,nota\n${await hmac("RSSMRA80A01F205X")},Legnano,"a, b"\n,Canegrate,\n`)
  })

  it("replaces NDJSON properties, the same identifier the same pseudonym", async () => {
    const r = await runWith(
      [
        "pseudonymise",
        "p.ndjson",
        "--key-file",
        "k.key",
        "--domain",
        "legnano-2016",
        "--columns",
        "person",
        "-o",
        "out.ndjson"
      ],
      {
        "p.ndjson": '{"person":"RSSMRA80A01F205X","n":1}\n{"person":"RSSMRA80A01F205X","n":2}\n',
        "k.key": key
      }
    )
    expect(r.code).toBe(ExitCode.ok)
    const p = await hmac("RSSMRA80A01F205X")
    expect(r.written.get("out.ndjson")).toBe(`{"person":"${p}","n":1}\n{"person":"${p}","n":2}\n`)
    expect(r.stdout + r.stderr).not.toContain("RSSMRA")
  })

  it("refuses a short key, a missing column and a missing domain", async () => {
    const short = await runWith(
      ["pseudonymise", "c.csv", "--key-file", "k.key", "--domain", "d", "--columns", "cf"],
      { "c.csv": "cf\nx\n", "k.key": "short" }
    )
    expect(short.code).toBe(ExitCode.usage)
    expect(short.stderr).toContain("k.key: the secret holds 5 bytes, expected at least 32")
    const column = await runWith(
      ["pseudonymise", "c.csv", "--key-file", "k.key", "--domain", "d", "--columns", "codice"],
      { "c.csv": "cf\nx\n", "k.key": key }
    )
    expect(column.code).toBe(ExitCode.input)
    expect(column.stderr).toContain("c.csv has no column codice: its columns are cf")
    const domain = await runWith(["pseudonymise", "c.csv", "--key-file", "k.key", "--columns", "cf"], {
      "c.csv": "cf\nx\n",
      "k.key": key
    })
    expect(domain.code).toBe(ExitCode.usage)
  })
})

describe("streamed --measurements: units and periods checked as the document's own (issue 14)", () => {
  const valid =
    '{"indicator":"ind-volunteer-hours","assignment":"asg-volunteer-hours","period":{"start":"2016-01-01","end":"2016-12-31"},"value":2900,"unit":"hour","measuredBy":"casa-volontariato","source":"administrative-data"}'
  const lines = [
    valid,
    valid.replace('"unit":"hour"', '"unit":"euro"'),
    valid.replace('"start":"2016-01-01","end":"2016-12-31"', '"start":"2018-01-01","end":"2018-12-31"'),
    valid.replace('"start":"2016-01-01","end":"2016-12-31"', '"start":"2016-12-31","end":"2016-01-01"'),
    valid
  ]
  const expected = [
    'm.ndjson:2: unit: the indicator "ind-volunteer-hours" is measured in hour, got euro: convert the value or correct the unit',
    'm.ndjson:3: period: the assignment "asg-volunteer-hours" has no period 2018-01-01/2018-12-31: use one of 2016-01-01/2016-12-31, 2017-01-01/2017-12-31'
  ]

  it("through io (standard input, one pass): a wrong unit and a period of no assignment name the file and line", async () => {
    const r = await runWith(["assess", "t.json", "--measurements", "m.ndjson"], {
      "t.json": legnano,
      "m.ndjson": `${lines.join("\n")}\n`
    })
    expect(r.code).toBe(ExitCode.problems)
    for (const line of expected) expect(r.stderr).toContain(line)
    expect(r.stderr).toMatch(/m\.ndjson:4: period(\.end)?: /)
    expect(r.stderr).toContain("welfare: m.ndjson has problems: fix them first")
    expect(r.stderr).not.toContain("t.json has problems")
  })

  for (const threads of ["1", "2"])
    it(`from a file on disk (the sharded reader, ${threads} thread${threads === "1" ? "" : "s"}): the same problems, with their lines`, async () => {
      const dir = mkdtempSync(join(temp, "plans-"))
      writeFileSync(join(dir, "m.ndjson"), `${lines.join("\n")}\n`)
      writeFileSync(join(dir, "t.json"), legnano)
      const out: Array<string> = []
      const cwd = process.cwd()
      process.chdir(dir)
      try {
        const code = await run(["validate", "t.json", "--measurements", "m.ndjson", "--threads", threads], {
          ...nodeIo(),
          stdout: (s) => void out.push(s),
          stderr: (s) => void out.push(s)
        })
        expect(code).toBe(ExitCode.problems)
      } finally {
        process.chdir(cwd)
      }
      const text = out.join("")
      for (const line of expected) expect(text).toContain(line)
      expect(text).toMatch(/m\.ndjson:4: period(\.end)?: /)
      expect(text).toContain("3 problems in t.json")
    })

  it("a file whose units and periods are all right stays valid (no second reading needed)", async () => {
    const r = await runWith(["validate", "t.json", "--measurements", "m.ndjson"], {
      "t.json": legnano,
      "m.ndjson": `${valid}\n${valid}\n`
    })
    expect(r.stdout + r.stderr).toContain("is a valid territory document")
    expect(r.code).toBe(ExitCode.ok)
  })
})

describe("problems are capped in memory, not only in print (issue 14)", () => {
  it("1,500 broken NDJSON lines: the first problems kept and printed, every one counted", async () => {
    const broken = Array.from({ length: 1_500 }, () => '{"indicator": 3}').join("\n")
    const r = await runWith(["validate", "t.json", "--measurements", "m.ndjson", "--json"], {
      "t.json": legnano,
      "m.ndjson": `${broken}\n`
    })
    expect(r.code).toBe(ExitCode.problems)
    const parsed = JSON.parse(r.stdout) as { problems: Array<{ file: string }>; problemCount: number }
    expect(parsed.problems).toHaveLength(maxPrintedProblems)
    expect(parsed.problems[0]!.file).toBe("m.ndjson:1")
    // each line: the wrong indicator, and the missing assignment, period, measuredBy and source
    expect(parsed.problemCount).toBe(1_500 * 5)
  })

  it("a document of 1,500 actors sharing one id: every duplicate counted, the first printed in order", async () => {
    const actors = Array.from({ length: 1_500 }, () => ({ ...doc.actors[1], id: "comune-legnano" }))
    const r = await runWith(["validate", "t.json"], { "t.json": JSON.stringify({ ...doc, actors }) })
    expect(r.code).toBe(ExitCode.problems)
    const out = r.stdout.trimEnd().split("\n")
    expect(out[0]).toMatch(
      /^t\.json: actors\[1\]\.id: the actor id "comune-legnano" is already used by actors\[0\]/
    )
    expect(out.at(-1)).toMatch(/^\d+ problems in t\.json$/)
    expect(out.at(-2)).toMatch(/^\.\.\. and \d+ more problems not shown \(\d+ duplicate-id/)
    expect(Number(out.at(-1)!.split(" ")[0])).toBeGreaterThanOrEqual(1_499)
  })
})
