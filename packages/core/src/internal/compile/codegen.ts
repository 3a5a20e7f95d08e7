/**
 * Compiles an effect Schema AST into one specialised JavaScript function that
 * checks a value and copies it exactly as effect's decoder would (keys in
 * schema order, excess keys dropped or, with `onExcessProperty: "error"`,
 * refused, new objects and arrays), or returns the
 * `FAIL` sentinel. A `FAIL` never becomes an error by itself: the caller then
 * runs the full effect decoder, so errors are always effect's own.
 *
 * Soundness rule: whenever the compiled function returns a value, effect's
 * decoder (with the same options) succeeds with a deep-equal value. The
 * converse need not hold: anything unsure returns `FAIL` or delegates the node
 * to effect's own parser (a "sub-decoder"), whose success value is the node's
 * output because effect's parsers are compositional.
 *
 * Node kinds compiled: TypeLiteral (property signatures with string names, no
 * index signature), TupleType (required elements and one rest element),
 * Union (of literals, of literals plus one other member, or of objects told
 * apart by one literal property such as `_tag`), Refinement (the
 * filter is called; effect's own `pattern`, `int` and `finite` are inlined
 * because their schema ids carry exactly their check), Literal and the
 * string, number, boolean, undefined, unknown and any keywords. Everything else
 * (transformations, suspensions, declarations, template literals, nodes with
 * parse-option or decoding-fallback annotations) is delegated to effect.
 *
 * @internal
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** The value a compiled check returns when it cannot vouch for its input. @internal */
export const FAIL: unique symbol = Symbol.for("@welfare/core/Decoder/FAIL")

/** A compiled check-and-copy. @internal */
export type Compiled = (input: unknown) => unknown

/** What the compiled code needs from outside: filters, sets, regexps, sub-decoders. */
interface Context {
  readonly externals: Array<unknown>
  readonly options: AST.ParseOptions
  /** Nodes delegated to effect, for reports and tests. */
  delegated: number
  /** Nodes compiled. */
  compiled: number
  next: number
}

const PatternId = Symbol.for("effect/SchemaId/Pattern")
const IntId = Symbol.for("effect/SchemaId/Int")
const FiniteId = Symbol.for("effect/SchemaId/Finite")

const external = (ctx: Context, value: unknown): string => {
  ctx.externals.push(value)
  return `X[${ctx.externals.length - 1}]`
}

const fresh = (ctx: Context, name: string): string => `${name}${ctx.next++}`

const hasOwnAnnotation = (ast: AST.AST, key: symbol): boolean => Object.hasOwn(ast.annotations, key)

/** Nodes whose parser effect wraps (parse options, decoding fallback): left to effect. */
const isWrapped = (ast: AST.AST): boolean =>
  hasOwnAnnotation(ast, AST.ParseOptionsAnnotationId) ||
  hasOwnAnnotation(ast, AST.DecodingFallbackAnnotationId)

const literalCode = (ctx: Context, literal: AST.LiteralValue): string =>
  typeof literal === "string" || typeof literal === "boolean" || literal === null
    ? JSON.stringify(literal)
    : typeof literal === "number" && Number.isFinite(literal) && !Object.is(literal, -0)
      ? String(literal)
      : external(ctx, literal)

/** Delegates a node to effect's own parser: its success value is the node's output. */
const delegate = (ctx: Context, ast: AST.AST, src: string, dst: string): string => {
  ctx.delegated++
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast), ctx.options)
  const r = fresh(ctx, "r")
  return `const ${r} = ${external(ctx, decode)}(${src}); if (${r}._tag !== "Right") return F; ${dst} = ${r}.right;`
}

/** A member of a union that is its own output and checked by identity. */
const simpleValue = (ast: AST.AST): { readonly ok: boolean; readonly value?: unknown } =>
  ast._tag === "Literal"
    ? { ok: true, value: ast.literal }
    : ast._tag === "UndefinedKeyword" && !isWrapped(ast)
      ? { ok: true, value: undefined }
      : { ok: false }

const refinementCheck = (ctx: Context, ast: AST.Refinement, v: string): string => {
  const schemaId = ast.annotations[AST.SchemaIdAnnotationId]
  if (schemaId === PatternId) {
    const params = ast.annotations[PatternId] as { readonly regex?: unknown } | undefined
    if (params !== undefined && params.regex instanceof RegExp) {
      const re = external(ctx, params.regex)
      return `${re}.lastIndex = 0; if (!${re}.test(${v})) return F;`
    }
  }
  if (schemaId === IntId) return `if (!Number.isSafeInteger(${v})) return F;`
  if (schemaId === FiniteId) return `if (!Number.isFinite(${v})) return F;`
  const filter = external(ctx, ast.filter)
  const self = external(ctx, ast)
  return `if (${filter}(${v}, O, ${self})._tag !== "None") return F;`
}

/** A union: a set lookup for its literals, one member compiled, or effect's own decoder. */
const emitUnion = (ctx: Context, ast: AST.Union, src: string, dst: string): string => {
  const simple = ast.types.map(simpleValue)
  const others = ast.types.filter((_, i) => !simple[i]!.ok)
  if (others.length > 1) return discriminated(ctx, ast, src, dst) ?? delegate(ctx, ast, src, dst)
  ctx.compiled++
  const values = simple.filter((s) => s.ok).map((s) => s.value)
  const set = external(ctx, new Set(values))
  if (others.length === 0) return `if (!${set}.has(${src})) return F; ${dst} = ${src};`
  // The shortcut is exact only when the other member never transforms: a
  // literal is then its own output whichever member effect tries first.
  const before = { delegated: ctx.delegated, externals: ctx.externals.length }
  const other = emit(ctx, others[0]!, src, dst)
  if (ctx.delegated > before.delegated) {
    ctx.delegated = before.delegated
    ctx.externals.length = before.externals
    return delegate(ctx, ast, src, dst)
  }
  return `if (${set}.has(${src})) { ${dst} = ${src}; } else { ${other} }`
}

/** A tuple or an array (at most one rest element, no optional element). */
const emitTuple = (ctx: Context, ast: AST.TupleType, src: string, dst: string): string => {
  if (ast.rest.length > 1 || ast.elements.some((e) => e.isOptional)) return delegate(ctx, ast, src, dst)
  ctx.compiled++
  const a = fresh(ctx, "a")
  const n = ast.elements.length
  const lengthCheck = ast.rest.length === 0 ? `${src}.length !== ${n}` : `${src}.length < ${n}`
  // one item `item` of the source checked as `type` and pushed onto the output
  const pushed = (item: string, type: AST.AST): string => {
    const e = fresh(ctx, "e")
    const q = fresh(ctx, "q")
    return `{ const ${q} = ${item}; let ${e}; ${emit(ctx, type, q, e)} ${a}.push(${e}); }`
  }
  let code = `if (!Array.isArray(${src}) || ${lengthCheck}) return F; const ${a} = [];`
  ast.elements.forEach((element, index) => {
    code += ` ${pushed(`${src}[${index}]`, element.type)}`
  })
  if (ast.rest.length === 1) {
    const k = fresh(ctx, "k")
    code += ` for (let ${k} = ${n}; ${k} < ${src}.length; ${k}++) ${pushed(`${src}[${k}]`, ast.rest[0]!.type)}`
  }
  return `${code} ${dst} = ${a};`
}

/** A struct: its declared properties copied in order, an unknown own key handed to effect. */
const emitStruct = (ctx: Context, ast: AST.TypeLiteral, src: string, dst: string): string => {
  if (
    ast.indexSignatures.length > 0 ||
    ast.propertySignatures.some((ps) => typeof ps.name !== "string" || ps.name === "__proto__")
  ) {
    return delegate(ctx, ast, src, dst)
  }
  ctx.compiled++
  // effect accepts any non-nullish value for an empty struct, whatever its keys.
  if (ast.propertySignatures.length === 0) return `if (${src} == null) return F; ${dst} = ${src};`
  const o = fresh(ctx, "o")
  const s = fresh(ctx, "s")
  let code = `const ${s} = ${src}; if (typeof ${s} !== "object" || ${s} === null || Array.isArray(${s})) return F; const ${o} = {};`
  // With `onExcessProperty: "error"` effect refuses any own key (symbols too) that is not
  // declared: the compiled check agrees by handing such an input to effect for its problems.
  if (ctx.options.onExcessProperty === "error") {
    const names = external(ctx, new Set(ast.propertySignatures.map((ps) => ps.name)))
    const k = fresh(ctx, "k")
    code += ` for (const ${k} of Reflect.ownKeys(${s})) { if (!${names}.has(${k})) return F; }`
  }
  for (const ps of ast.propertySignatures) {
    const key = JSON.stringify(ps.name)
    const p = fresh(ctx, "p")
    const q = fresh(ctx, "q")
    const body = `const ${q} = ${s}[${key}]; let ${p}; ${emit(ctx, ps.type, q, p)} ${o}[${key}] = ${p};`
    code += ps.isOptional ? ` if (H.call(${s}, ${key})) { ${body} }` : ` { ${body} }`
  }
  return `${code} ${dst} = ${o};`
}

/** Code that checks `src` and assigns its output to the already-declared `dst`, or returns F. */
const emit = (ctx: Context, ast: AST.AST, src: string, dst: string): string => {
  if (isWrapped(ast)) return delegate(ctx, ast, src, dst)
  switch (ast._tag) {
    case "StringKeyword":
      ctx.compiled++
      return `if (typeof ${src} !== "string") return F; ${dst} = ${src};`
    case "NumberKeyword":
      ctx.compiled++
      return `if (typeof ${src} !== "number") return F; ${dst} = ${src};`
    case "BooleanKeyword":
      ctx.compiled++
      return `if (typeof ${src} !== "boolean") return F; ${dst} = ${src};`
    case "UndefinedKeyword":
      ctx.compiled++
      return `if (${src} !== undefined) return F; ${dst} = ${src};`
    case "UnknownKeyword":
    case "AnyKeyword":
      ctx.compiled++
      return `${dst} = ${src};`
    case "Literal":
      ctx.compiled++
      return `if (${src} !== ${literalCode(ctx, ast.literal)}) return F; ${dst} = ${src};`
    case "Union":
      return emitUnion(ctx, ast, src, dst)
    case "Refinement": {
      ctx.compiled++
      const v = fresh(ctx, "v")
      return `let ${v}; ${emit(ctx, ast.from, src, v)} ${refinementCheck(ctx, ast, v)} ${dst} = ${v};`
    }
    case "TupleType":
      return emitTuple(ctx, ast, src, dst)
    case "TypeLiteral":
      return emitStruct(ctx, ast, src, dst)
    default:
      return delegate(ctx, ast, src, dst)
  }
}

/**
 * effect's own union search (exported at run time, untyped): using it, not a
 * copy, keeps the candidate choice exactly effect's. Absent in another
 * version, discriminated unions are simply left to effect.
 */
const internals = ParseResult as unknown as {
  readonly getSearchTree?: (
    members: ReadonlyArray<AST.AST>,
    isDecoding: boolean
  ) => {
    readonly keys: Record<PropertyKey, { readonly buckets: Record<string, ReadonlyArray<AST.AST>> }>
    readonly otherwise: ReadonlyArray<AST.AST>
  }
  readonly getLiterals?: (
    ast: AST.AST,
    isDecoding: boolean
  ) => ReadonlyArray<readonly [PropertyKey, AST.Literal]>
}

/**
 * A union of objects told apart by one literal property (`_tag`): effect's
 * search tree then has one key and one member per value, so the member whose
 * literal the input carries (as an own key) is the only candidate. Anything
 * else (overlapping values, members without the key) is left to effect.
 */
const discriminated = (ctx: Context, ast: AST.Union, src: string, dst: string): string | undefined => {
  if (typeof internals.getSearchTree !== "function" || typeof internals.getLiterals !== "function")
    return undefined
  const tree = internals.getSearchTree(ast.types, true)
  const keys = Reflect.ownKeys(tree.keys)
  if (tree.otherwise.length > 0 || keys.length !== 1 || typeof keys[0] !== "string") return undefined
  const key = keys[0]
  const { buckets } = tree.keys[key]!
  const cases: Array<[AST.LiteralValue, AST.AST]> = []
  for (const member of ast.types) {
    const literals = internals.getLiterals(member, true)
    const first = literals[0]
    if (first === undefined || first[0] !== key) return undefined
    const value = first[1].literal
    const bucket = buckets[String(value)]
    if (bucket === undefined || bucket.length !== 1 || bucket[0] !== member) return undefined
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined
    cases.push([value, member])
  }
  ctx.compiled++
  const name = JSON.stringify(key)
  let code = `if (typeof ${src} !== "object" || ${src} === null || !H.call(${src}, ${name})) return F; switch (${src}[${name}]) {`
  for (const [value, member] of cases) {
    code += ` case ${literalCode(ctx, value)}: { ${emit(ctx, member, src, dst)} break; }`
  }
  return `${code} default: return F; }`
}

/** What `compile` produced: the function, or why there is none. @internal */
export interface Compilation {
  readonly check: Compiled | undefined
  readonly compiled: number
  readonly delegated: number
}

/**
 * Compiles an AST. `check` is undefined when the root itself is delegated (no
 * gain over effect) or when the platform forbids `new Function` (a strict
 * Content Security Policy): callers then use the full decoder only.
 * @internal
 */
export const compile = (ast: AST.AST, options: AST.ParseOptions): Compilation => {
  const ctx: Context = { externals: [], options, delegated: 0, compiled: 0, next: 0 }
  const body = emit(ctx, ast, "input", "out")
  if (ctx.compiled === 0) return { check: undefined, compiled: 0, delegated: ctx.delegated }
  try {
    const factory = new Function(
      "X",
      "F",
      "O",
      "H",
      `"use strict"; return function compiledDecode(input) { let out; ${body} return out; };`
    ) as (
      x: ReadonlyArray<unknown>,
      f: typeof FAIL,
      o: AST.ParseOptions,
      h: typeof Object.prototype.hasOwnProperty
    ) => Compiled
    return {
      check: factory(ctx.externals, FAIL, options, Object.prototype.hasOwnProperty),
      compiled: ctx.compiled,
      delegated: ctx.delegated
    }
  } catch {
    return { check: undefined, compiled: 0, delegated: ctx.delegated }
  }
}
