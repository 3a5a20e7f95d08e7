/**
 * Problems and their translation from effect's parse errors: the part of
 * `Problem` the decoders need, apart so that the decoders (which `Problem`
 * re-exports for one release) import it without an import cycle. Public
 * through `Problem`.
 *
 * @internal
 */
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { describe } from "../describe.js"

/**
 * What kind of problem was found.
 *
 * - `invalid-value`: a value does not have the expected shape, kind or range.
 * - `missing`: a required value is absent.
 * - `duplicate-id`: two items of one collection share an id.
 * - `unknown-reference`: an id points at nothing in its territory.
 * - `rule`: a domain rule is broken (for example a Pact signatory committing nothing).
 * - `out-of-order`: an event arrives where its path or process does not allow it.
 *
 * @category models
 * @since 0.1.0
 */
export const ProblemCode = Schema.Literal(
  "invalid-value",
  "missing",
  "duplicate-id",
  "unknown-reference",
  "rule",
  "out-of-order"
).annotations({ identifier: "ProblemCode" })

/**
 * @category models
 * @since 0.1.0
 */
export type ProblemCode = typeof ProblemCode.Type

/**
 * One segment of a path: a property name or an array index.
 *
 * @category models
 * @since 0.1.0
 */
export type PathSegment = string | number

/**
 * A problem found in some input: where (`path`), what kind (`code`) and a
 * sentence that says what was expected (`message`).
 *
 * @category models
 * @since 0.1.0
 */
export const Problem = Schema.TaggedStruct("Problem", {
  code: ProblemCode,
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
  message: Schema.String
}).annotations({ identifier: "Problem" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Problem extends Schema.Schema.Type<typeof Problem> {}

/**
 * Builds a problem.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 *
 * const p = Problem.make("duplicate-id", ["actors", 3, "id"], 'the id "coop-1" is already used by actors[0]')
 * assert.strictEqual(Problem.format(p), 'actors[3].id: the id "coop-1" is already used by actors[0]')
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (code: ProblemCode, path: ReadonlyArray<PathSegment>, message: string): Problem => ({
  _tag: "Problem",
  code,
  path,
  message
})

// Unknown properties are problems: the JSON Schemas say `additionalProperties: false`, and a
// misspelt fact or a free-text `note` must not pass unseen (issue 14).
/** @internal */
export const strictOptions: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "error" }
/** @internal */
export const lenientOptions: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "ignore" }

const codeOf = (issue: ParseResult.ParseIssue): ProblemCode =>
  issue._tag === "Missing" ? "missing" : "invalid-value"

/**
 * Turns effect's `ParseError` into problems, one per leaf issue, with paths.
 * The offending value is described (`a list`, `an object`, a number, a short
 * quoted text), never copied whole, so no personal free text reaches a message.
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromParseError = (error: ParseResult.ParseError): readonly [Problem, ...Array<Problem>] => {
  const problems: Array<Problem> = []
  collect(error.issue, [], problems)
  return problems.length > 0
    ? (problems as unknown as readonly [Problem, ...Array<Problem>])
    : [make("invalid-value", [], "the input is not valid")]
}

// effect may copy annotations with an undefined value to the encoded side: treat them as absent.
const ownTitle = (ast: SchemaAST.AST): string | undefined => {
  const own = SchemaAST.getTitleAnnotation(ast)
  return own._tag === "Some" && typeof own.value === "string" && own.value !== "" ? own.value : undefined
}

const titleOf = (ast: SchemaAST.AST, outer: string | undefined): string | undefined =>
  ownTitle(ast) ?? encodedTitles.get(ast) ?? outer

// The encoded side of a transformation (a struct with defaults, say) carries no
// annotation of its own: remember the title of the transformation for it.
const encodedTitles = new WeakMap<SchemaAST.AST, string>()
const seen = new WeakSet<SchemaAST.AST>()
/**
 * Remembers the titles of a schema's transformations for {@link fromParseError}.
 *
 * @internal
 */
export const rememberTitles = (ast: SchemaAST.AST): void => {
  if (seen.has(ast)) return
  seen.add(ast)
  switch (ast._tag) {
    case "Transformation": {
      const title = ownTitle(ast)
      if (title !== undefined && ownTitle(ast.from) === undefined) encodedTitles.set(ast.from, title)
      rememberTitles(ast.from)
      rememberTitles(ast.to)
      return
    }
    case "Refinement":
      rememberTitles(ast.from)
      return
    case "TypeLiteral":
      for (const p of ast.propertySignatures) rememberTitles(p.type)
      return
    case "Union":
      for (const t of ast.types) rememberTitles(t)
      return
    case "TupleType":
      for (const e of ast.elements) rememberTitles(e.type)
      for (const r of ast.rest) rememberTitles(r.type)
      return
    default:
      return
  }
}

// `title` carries the title of an enclosing transformation or refinement down to
// the issue of its encoded side, so a wrong territory reads "an object (Territory)".
const collect = (
  issue: ParseResult.ParseIssue,
  path: Array<PathSegment>,
  out: Array<Problem>,
  title?: string
): void => {
  switch (issue._tag) {
    case "Pointer": {
      const segments = (Array.isArray(issue.path) ? issue.path : [issue.path]) as ReadonlyArray<PropertyKey>
      collect(issue.issue, [...path, ...segments.map((s) => (typeof s === "symbol" ? String(s) : s))], out)
      return
    }
    case "Composite": {
      const own = annotatedMessage(issue)
      if (own !== undefined) {
        out.push(make("invalid-value", path, own))
        return
      }
      if (isLiteralUnion(issue.ast)) {
        out.push(make("invalid-value", path, expected(issue.ast, issue.actual)))
        return
      }
      const inner: ReadonlyArray<ParseResult.ParseIssue> = Array.isArray(issue.issues)
        ? issue.issues
        : [issue.issues as ParseResult.ParseIssue]
      // An optional value that is present but wrong: report what is wrong with it, not that it is not absent.
      const relevant =
        issue.ast._tag === "Union" && inner.length > 1
          ? inner.filter((i) => !(i._tag === "Type" && i.ast._tag === "UndefinedKeyword"))
          : inner
      for (const i of relevant) collect(i, path, out)
      return
    }
    case "Refinement":
    case "Transformation": {
      const own =
        issue._tag === "Refinement" && issue.kind === "Predicate" ? annotatedMessage(issue) : undefined
      if (own !== undefined) out.push(make("invalid-value", path, own))
      else collect(issue.issue, path, out, titleOf(issue.ast, title))
      return
    }
    case "Missing":
      out.push(make(codeOf(issue), path, issue.message ?? "is required but missing"))
      return
    case "Unexpected":
      // Only the property's name (in the path) is shown, never its value.
      // effect's own message lists the expected keys; ours says what to do.
      out.push(
        make(
          "invalid-value",
          path,
          typeof path[path.length - 1] === "number"
            ? "is one item too many: this list has a fixed length, remove it"
            : "is not a property of this object: remove it, or check its spelling"
        )
      )
      return
    case "Forbidden":
      out.push(make("invalid-value", path, issue.message ?? "cannot be checked here"))
      return
    case "Type":
      out.push(
        make(
          "invalid-value",
          path,
          issue.message ??
            annotatedMessage(issue) ??
            expected(issue.ast, issue.actual, titleOf(issue.ast, title))
        )
      )
      return
  }
}

const annotatedMessage = (issue: ParseResult.ParseIssue): string | undefined => {
  if (!("ast" in issue)) return undefined
  const annotation = SchemaAST.getMessageAnnotation(issue.ast)
  if (annotation._tag === "None") return undefined
  const m: unknown = annotation.value(issue)
  if (typeof m === "string") return m
  if (typeof m === "object" && m !== null && "message" in m && typeof m.message === "string") return m.message
  return undefined
}

const isLiteralUnion = (ast: SchemaAST.AST): boolean =>
  ast._tag === "Union" && ast.types.every((t) => t._tag === "Literal")

const what = (ast: SchemaAST.AST, outerTitle?: string): string => {
  const title = ownTitle(ast)
  switch (ast._tag) {
    case "StringKeyword":
      return "a text"
    case "NumberKeyword":
      return "a number"
    case "BooleanKeyword":
      return "true or false"
    case "TupleType":
      return "a list"
    case "TypeLiteral": {
      const name = title ?? outerTitle
      return name === undefined ? "an object" : `an object (${name})`
    }
    case "Literal":
      return JSON.stringify(ast.literal)
    case "Union":
      return isLiteralUnion(ast)
        ? `one of ${ast.types.map((t) => (t._tag === "Literal" ? String(t.literal) : "")).join(", ")}`
        : ast.types.map((t) => what(t)).join(" or ")
    case "Refinement":
      return what(ast.from)
    case "Transformation":
      return what(ast.to)
    case "UndefinedKeyword":
      return "nothing"
    default:
      return title ?? String(ast)
  }
}

const expected = (ast: SchemaAST.AST, actual: unknown, title?: string): string =>
  `expected ${what(ast, title)}, got ${describe(actual)}`
