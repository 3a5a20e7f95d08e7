import { Assessment, Problem } from "@welfare/core"
import * as Testing from "@welfare/core/testing"
import {
  Bool,
  Dictionary,
  Field,
  Float64,
  Int8,
  Int32,
  Int64,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  Utf8
} from "apache-arrow"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fromArrow, fromIpc, toArrow, toIpc } from "./arrow.js"
import * as Csv from "./Csv.js"
import * as Rows from "./Rows.js"

// Reading rows back (Csv.parse, fromArrow) reads columns by name and reports, never misreads, a
// column missing, misspelt, twice, of the wrong type, or a value that does not fit its column.

const col = (name: string, type: Rows.ColumnType, nullable: boolean): Rows.Column => ({
  name,
  type,
  nullable,
  description: { it: name, en: name }
})
const like: Pick<Rows.Rows, "name" | "columns"> = {
  name: "example",
  columns: [
    col("id", "string", false),
    col("value", "number", true),
    col("count", "integer", false),
    col("ok", "boolean", true)
  ]
}

const problems = <A>(result: Problem.CappedResult<A>): ReadonlyArray<string> =>
  Either.isLeft(result) ? result.left.kept.map(Problem.format) : []

const profileRows = Testing.intervention().map((i) => Rows.profiles(Assessment.assess(i)))
const evidenceRows = Testing.intervention().map((i) => Rows.evidence(Assessment.assess(i)))
const someRows = fc.oneof(profileRows, evidenceRows)

/** The same rows with their columns in another order (the rows' values unchanged). */
const permuted = (rows: Rows.Rows, order: ReadonlyArray<number>): Rows.Rows => {
  const keys = rows.columns.map((_, i) => i).sort((a, b) => (order[a] ?? 0) - (order[b] ?? 0) || a - b)
  return { ...rows, columns: keys.map((i) => rows.columns[i]!) }
}

describe("Csv.parse", () => {
  it("reads the columns by name, in any order", () => {
    const read = Csv.parse("ok,count,value,id\ntrue,3,0.5,a\n,0,,b\n", like)
    expect(Either.getOrThrow(read).rows).toStrictEqual([
      { id: "a", value: 0.5, count: 3, ok: true },
      { id: "b", value: null, count: 0, ok: null }
    ])
  })

  it("reports a misspelt, a repeated and a missing column, and reads no row by position", () => {
    expect(problems(Csv.parse("id,valeu,count,count\na,1,2,2\n", like))).toStrictEqual([
      "header.count: columns 3 and 4 have the same name: keep one of them",
      'header.valeu: column 2 is not a column of "example": remove it or correct its name (the columns are id, value, count, ok)',
      'header.value: the column is missing: add it (the columns of "example" are id, value, count, ok)',
      'header.ok: the column is missing: add it (the columns of "example" are id, value, count, ok)'
    ])
  })

  it("never quotes a header cell that is not a short code-like name: it is named by its position", () => {
    const read = Csv.parse("id,value,count,ok,Mario Rossi via Roma 1\na,1,2,true,x\n", like)
    expect(Either.isLeft(read) && read.left.kept.map((p) => p.path)).toStrictEqual([["header", 4]])
    expect(problems(read).join("\n")).not.toContain("Rossi")
  })

  it("reports a file read with the wrong delimiter once, and an empty file", () => {
    expect(problems(Csv.parse("id;value;count;ok\na;1;2;true\n", like))).toStrictEqual([
      'header: no column of "example" is named (expected id, value, count, ok): check that this is the right file, and its delimiter'
    ])
    // one problem, not one more for each column the missing header cannot name
    for (const empty of ["", "\n", "\na,1,2,true\n"])
      expect(problems(Csv.parse(empty, like))).toStrictEqual([
        "header: the header is missing: the first line names the columns (id, value, count, ok)"
      ])
  })

  it("reports every value that does not fit its column, with the row as a spreadsheet numbers it, never quoting it", () => {
    const text = 'id,value,count,ok\na,"2,5",1,true\n,1e3,2147483648,yes\nc, 4,1.5,false\nd,1\n"e,1,1,true\n'
    expect(problems(Csv.parse(text, like))).toStrictEqual([
      "[0].value: row 2 of the CSV: expected a number, written with a dot for decimals (as 2.5), without thousands separators",
      "[1].count: row 3 of the CSV: expected a whole number from -2147483648 to 2147483647, written without separators",
      "[1].ok: row 3 of the CSV: expected true or false",
      "[2].value: row 4 of the CSV: expected a number, written with a dot for decimals (as 2.5), without thousands separators",
      "[2].count: row 4 of the CSV: expected a whole number from -2147483648 to 2147483647, written without separators",
      "[3]: row 5 of the CSV has 2 fields where the header has 4: check the delimiter and the quotes",
      "[4]: row 6 of the CSV has a quoted field that is not closed: close the quote"
    ])
    // an empty text where text may not be null is the empty text; an empty count is missing
    const empty = Csv.parse("id,value,count,ok\n,,,\n", like)
    expect(Either.isLeft(empty) && empty.left.kept.map((p) => [p.code, Problem.format(p)])).toStrictEqual([
      ["missing", "[0].count: row 2 of the CSV: is empty: fill it in"]
    ])
  })

  it("keeps memory bounded: past maxProblems, problems are counted by kind", () => {
    const text = `id,value,count,ok\n${"a,x,1,true\n".repeat(5000)}`
    const read = Csv.parse(text, like, { maxProblems: 3 })
    expect(Either.isLeft(read) && [read.left.kept.length, read.left.total, read.left.omitted]).toStrictEqual([
      3,
      5000,
      { "invalid-value": 4997 }
    ])
  })

  it("property: rows written with their columns in any order read back equal (round trip by name)", () => {
    fc.assert(
      fc.property(someRows, fc.array(fc.nat(), { maxLength: 12 }), (rows, order) => {
        const read = Csv.parse(Csv.format(permuted(rows, order)), rows)
        expect(Either.getOrThrow(read).rows).toStrictEqual(rows.rows)
      }),
      { numRuns: 100 }
    )
  })

  it("property: a header with one column renamed never reads (the column is reported missing)", () => {
    fc.assert(
      fc.property(someRows, fc.nat(), fc.constantFrom("_", "x", " "), (rows, k, extra) => {
        const i = k % rows.columns.length
        const text = Csv.format(rows)
        const newline = text.indexOf("\n")
        const header = text.slice(0, newline).split(",")
        header[i] = header[i] + extra
        const read = Csv.parse(`${header.join(",")}${text.slice(newline)}`, rows)
        expect(Either.isLeft(read)).toBe(true)
        if (Either.isLeft(read))
          expect(
            read.left.kept.some((p) => p.code === "missing" && p.path[1] === rows.columns[i]!.name)
          ).toBe(true)
      }),
      { numRuns: 100 }
    )
  })
})

const table = (
  fields: ReadonlyArray<[string, "utf8" | "float" | "int" | "int64" | "bool", ReadonlyArray<unknown>]>
): Table => {
  const length = fields[0]?.[2].length ?? 0
  const children = fields.map(([, kind, values]) => {
    const nulls = values.map((v) => v === null)
    const nullCount = nulls.filter(Boolean).length
    const nullBitmap = new Uint8Array((length + 7) >> 3)
    values.forEach((v, i) => {
      if (v !== null) nullBitmap[i >> 3]! |= 1 << (i & 7)
    })
    if (kind === "utf8") {
      const text = values.map((v) => (v === null ? "" : String(v)))
      const bytes = new TextEncoder().encode(text.join(""))
      const offsets = new Int32Array(length + 1)
      text.forEach((t, i) => {
        offsets[i + 1] = offsets[i]! + new TextEncoder().encode(t).length
      })
      return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets: offsets, data: bytes })
    }
    if (kind === "bool") {
      const data = new Uint8Array((length + 7) >> 3)
      values.forEach((v, i) => {
        if (v === true) data[i >> 3]! |= 1 << (i & 7)
      })
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data })
    }
    if (kind === "int64")
      return makeData({
        type: new Int64(),
        length,
        nullCount,
        nullBitmap,
        data: BigInt64Array.from(values, (v) => (v ?? 0n) as bigint)
      })
    return kind === "float"
      ? makeData({
          type: new Float64(),
          length,
          nullCount,
          nullBitmap,
          data: Float64Array.from(values, (v) => Number(v ?? 0))
        })
      : makeData({
          type: new Int32(),
          length,
          nullCount,
          nullBitmap,
          data: Int32Array.from(values, (v) => Number(v ?? 0))
        })
  })
  const schema = new Schema(fields.map(([name], i) => new Field(name, children[i]!.type, true)))
  return new Table(schema, [
    new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }))
  ])
}

describe("whole numbers", () => {
  it("an integer column holds every signed 32-bit integer, from -2147483648 to 2147483647, and refuses one past either end", () => {
    const text = "id,count\na,-2147483648\nb,2147483647\nc,-2147483649\nd,2147483648\n"
    const counts = { name: "counts", columns: [col("id", "string", false), col("count", "integer", false)] }
    expect(problems(Csv.parse(text, counts))).toStrictEqual([
      "[2].count: row 4 of the CSV: expected a whole number from -2147483648 to 2147483647, written without separators",
      "[3].count: row 5 of the CSV: expected a whole number from -2147483648 to 2147483647, written without separators"
    ])
    const ends: Rows.Rows = {
      ...counts,
      rows: [
        { id: "a", count: -2147483648 },
        { id: "b", count: 2147483647 }
      ]
    }
    expect(Either.getOrThrow(Csv.parse(Csv.format(ends), counts)).rows).toStrictEqual(ends.rows)
    expect(Either.getOrThrow(fromArrow(tableFromIPC(toIpc(ends)), counts)).rows).toStrictEqual(ends.rows)
    // an Int64 column (DuckDB's BIGINT) reads where its values fit
    const wide = table([
      ["id", "utf8", ["a", "b", "c", "d"]],
      ["count", "int64", [-2147483648n, -2147483649n, 2147483647n, 2147483648n]]
    ])
    expect(problems(fromArrow(wide, counts))).toStrictEqual([
      "[1].count: row 2 of the table: is a whole number outside -2147483648 to 2147483647",
      "[3].count: row 4 of the table: is a whole number outside -2147483648 to 2147483647"
    ])
    const big = table([
      ["id", "utf8", ["a", "b"]],
      ["value", "int64", [9007199254740991n, 9007199254740992n]]
    ])
    expect(
      problems(
        fromArrow(big, { name: "big", columns: [col("id", "string", false), col("value", "number", false)] })
      )
    ).toStrictEqual([
      "[1].value: row 2 of the table: is a whole number beyond 9007199254740991 in size, which a number does not hold exactly"
    ])
  })
})

describe("fromArrow", () => {
  it("reads the columns by name, in any order, and Int columns as numbers", () => {
    const t = table([
      ["count", "int", [3, 0]],
      ["ok", "bool", [true, null]],
      ["value", "int", [1, null]],
      ["id", "utf8", ["a", "b"]]
    ])
    expect(Either.getOrThrow(fromArrow(t, like)).rows).toStrictEqual([
      { id: "a", value: 1, count: 3, ok: true },
      { id: "b", value: null, count: 0, ok: null }
    ])
  })

  it("reports a missing or unknown column, a column of the wrong type and a null where none may be", () => {
    const t = table([
      ["id", "utf8", ["a", null]],
      ["count", "float", [1.5, 2]],
      ["ok", "utf8", ["true", "false"]],
      ["valeu", "float", [1, 2]]
    ])
    expect(problems(fromArrow(t, like))).toStrictEqual([
      'header.valeu: column 4 is not a column of "example": remove it or correct its name (the columns are id, value, count, ok)',
      'header.value: the column is missing: add it (the columns of "example" are id, value, count, ok)',
      "header.count: the column holds Float64 values where whole numbers (an Int type) are expected",
      "header.ok: the column holds Utf8 values where booleans (Bool) are expected",
      "[1].id: row 2 of the table: is null where the column may not be: fill it in"
    ])
  })

  it("property: rows whose table has its columns in any order read back equal, through IPC too", () => {
    fc.assert(
      fc.property(someRows, fc.array(fc.nat(), { maxLength: 12 }), (rows, order) => {
        const t = toArrow(permuted(rows, order))
        expect(Either.getOrThrow(fromArrow(t, rows)).rows).toStrictEqual(rows.rows)
        expect(
          Either.getOrThrow(fromArrow(tableFromIPC(toIpc(permuted(rows, order))), rows)).rows
        ).toStrictEqual(rows.rows)
      }),
      { numRuns: 60 }
    )
  })
})

// a table of one column, built from the given buffers as they are (nothing checked)
const raw = (name: string, props: { readonly [prop: string]: unknown }): Table => {
  const data = makeData(props as unknown as Parameters<typeof makeData>[0])
  const schema = new Schema([new Field(name, data.type, true)])
  return new Table(schema, [
    new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length: data.length, nullCount: 0, children: [data] })
    )
  ])
}

describe("damaged and hostile Arrow", () => {
  const ids = { name: "ids", columns: [col("id", "string", true)] }
  const damaged = (what: string) =>
    `header.id: the column's data is damaged (${what}): none of its values is read; write the table again from its source`

  it("reports a column whose buffers do not hold what its type says, where apache-arrow would read empty texts", () => {
    const text = new TextEncoder().encode("abc")
    // offsets past the text: apache-arrow reads a shorter text
    const past = raw("id", {
      type: new Utf8(),
      length: 2,
      valueOffsets: Int32Array.from([0, 2, 9]),
      data: text
    })
    expect(problems(fromArrow(past, ids))).toStrictEqual([damaged("a text's bounds fall outside its buffer")])
    // offsets going back
    const back = raw("id", {
      type: new Utf8(),
      length: 2,
      valueOffsets: Int32Array.from([0, 3, 1]),
      data: text
    })
    expect(problems(fromArrow(back, ids))).toStrictEqual([damaged("a text's bounds fall outside its buffer")])
    // an index past the dictionary: apache-arrow reads the empty text
    const words = makeVector(
      makeData({ type: new Utf8(), length: 1, valueOffsets: Int32Array.from([0, 3]), data: text })
    )
    const index = raw("id", {
      type: new Dictionary(new Utf8(), new Int8()),
      length: 3,
      data: Int8Array.from([0, 5, -1]),
      dictionary: words
    } as never)
    expect(problems(fromArrow(index, ids))).toStrictEqual([
      damaged("a row's index falls outside its dictionary")
    ])
    // the same indices where those rows are null: nothing to read there, so no damage
    const masked = raw("id", {
      type: new Dictionary(new Utf8(), new Int8()),
      length: 3,
      nullCount: 2,
      nullBitmap: Uint8Array.from([0b001]),
      data: Int8Array.from([0, 5, -1]),
      dictionary: words
    } as never)
    expect(Either.getOrThrow(fromArrow(masked, ids)).rows).toStrictEqual([
      { id: "abc" },
      { id: null },
      { id: null }
    ])
    // values cut short: apache-arrow reads nothing past them
    const counts = { name: "counts", columns: [col("count", "integer", true)] }
    const short = raw("count", { type: new Int32(), length: 4, data: Int32Array.from([1, 2]) })
    expect(problems(fromArrow(short, counts))).toStrictEqual([
      "header.count: the column's data is damaged (its values are cut short): none of its values is read; write the table again from its source"
    ])
  })

  it("fromIpc: bytes that are not Arrow IPC, or are cut short, are one problem at bytes, never thrown", () => {
    const rows = Rows.profiles(
      Assessment.assess(fc.sample(Testing.intervention(), { numRuns: 1, seed: 3 })[0]!)
    )
    const good = toIpc(rows)
    const notArrow = [
      "the bytes are not an Arrow IPC stream or file, or they are cut short: check that this is the right file, and write it again"
    ]
    for (const bytes of [
      new Uint8Array(0),
      new TextEncoder().encode("intervention,dimension\na,b\n"),
      new TextEncoder().encode('{"intervention":"a"}'),
      new TextEncoder().encode("ARROW1\0\0"),
      good.subarray(0, good.length >> 1),
      good.subarray(0, good.length - 20)
    ])
      expect(problems(fromIpc(bytes, rows)).map((p) => p.replace(/^bytes: /, ""))).toStrictEqual(notArrow)
    expect(Either.getOrThrow(fromIpc(good, rows)).rows).toStrictEqual(rows.rows)
    expect(
      Either.getOrThrow(fromIpc(toIpc(rows, { format: "file", dictionary: true }), rows)).rows
    ).toStrictEqual(rows.rows)
  })

  it("property: a cut stream or file never throws and reads no row that was not written", () => {
    const written = fc.tuple(someRows, fc.boolean(), fc.constantFrom("stream" as const, "file" as const))
    fc.assert(
      fc.property(written, fc.nat(), ([rows, dictionary, format], cut) => {
        const bytes = toIpc(rows, { dictionary, format })
        const prefix = fromIpc(bytes.subarray(0, cut % (bytes.length + 1)), rows)
        if (Either.isRight(prefix))
          expect(rows.rows.slice(0, prefix.right.rows.length)).toStrictEqual(prefix.right.rows)
      }),
      { numRuns: 200 }
    )
  })

  it("property: a text column with any offsets reads only when they bound its texts, and then as those texts", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 12 }).map((b) => b.map((x) => 0x61 + (x % 26))),
        fc.array(fc.integer({ min: -2, max: 14 }), { minLength: 1, maxLength: 8 }),
        (text, offsets) => {
          const length = offsets.length - 1
          const table = raw("id", {
            type: new Utf8(),
            length,
            valueOffsets: Int32Array.from(offsets),
            data: text
          })
          const valid = offsets.every(
            (o, k) => o >= 0 && o <= text.length && (k === 0 || o >= offsets[k - 1]!)
          )
          const read = fromArrow(table, ids)
          if (!valid)
            expect(problems(read)).toStrictEqual([damaged("a text's bounds fall outside its buffer")])
          else
            expect(Either.getOrThrow(read).rows).toStrictEqual(
              offsets
                .slice(1)
                .map((end, k) => ({ id: new TextDecoder().decode(text.subarray(offsets[k], end)) }))
            )
        }
      ),
      { numRuns: 300 }
    )
  })

  it("property: a dictionary column with any indices reads only when each valid row's index is in its dictionary", () => {
    const words = ["a", "b", "c"]
    const dictionary = makeVector(
      makeData({
        type: new Utf8(),
        length: 3,
        valueOffsets: Int32Array.from([0, 1, 2, 3]),
        data: new TextEncoder().encode("abc")
      })
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2, max: 5 }), fc.boolean()), { maxLength: 16 }),
        (cells) => {
          const bitmap = new Uint8Array((cells.length + 7) >> 3)
          cells.forEach(([, valid], i) => {
            if (valid) bitmap[i >> 3]! |= 1 << (i & 7)
          })
          const nulls = cells.filter(([, valid]) => !valid).length
          const table = raw("id", {
            type: new Dictionary(new Utf8(), new Int8()),
            length: cells.length,
            nullCount: nulls,
            nullBitmap: bitmap,
            data: Int8Array.from(cells, ([k]) => k),
            dictionary
          })
          const read = fromArrow(table, ids)
          if (cells.some(([k, valid]) => valid && (k < 0 || k >= words.length)))
            expect(problems(read)).toStrictEqual([damaged("a row's index falls outside its dictionary")])
          else
            expect(Either.getOrThrow(read).rows).toStrictEqual(
              cells.map(([k, valid]) => ({ id: valid ? words[k]! : null }))
            )
        }
      ),
      { numRuns: 300 }
    )
  })
})
