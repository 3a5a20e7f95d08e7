/**
 * `welfare schema [ENTITY]`: prints the JSON Schema of the territory document
 * or of one entity.
 *
 * @since 0.1.0
 */
import { JsonSchema } from "@welfare/core"
import type { Io } from "../io.js"
import { ExitCode, type Failure, failure, usage } from "../outcome.js"

/**
 * The options of `welfare schema`.
 *
 * @category models
 * @since 0.1.0
 */
export interface SchemaOptions {
  readonly entity: string | undefined
  readonly list: boolean
  readonly out: string | undefined
}

/**
 * Prints (or writes to `out`) the JSON Schema of an entity, the territory
 * document when none is named; with `list`, the entity names.
 *
 * @category commands
 * @since 0.1.0
 */
export const schema = async (io: Io, options: SchemaOptions): Promise<ExitCode | Failure> => {
  if (options.list) {
    io.stdout(JsonSchema.names.map((name) => `${name}\t${JsonSchema.idOf(name)}\n`).join(""))
    return ExitCode.ok
  }
  const name = options.entity ?? "Territory"
  if (!JsonSchema.isEntityName(name))
    return usage(`no entity is called "${name}"; the entities are ${JsonSchema.names.join(", ")}`, "schema")
  const text = `${JSON.stringify(JsonSchema.make(name), null, 2)}\n`
  if (options.out === undefined) {
    io.stdout(text)
    return ExitCode.ok
  }
  try {
    await io.writeFile(options.out, text)
  } catch {
    return failure(ExitCode.input, `cannot write ${options.out}: check the folder exists and is writable`)
  }
  io.stdout(`JSON Schema of ${name} written to ${options.out}\n`)
  return ExitCode.ok
}
