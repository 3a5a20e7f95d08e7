/**
 * `welfare report FILE`: the explained report of a territory in Markdown,
 * HTML or JSON.
 *
 * @since 0.1.0
 */
import { Analysis, renderHtml, renderJson, renderMarkdown, territoryReport } from "@welfare/report"
import { fromDetail, withStreamed } from "../analysis.js"
import { summary } from "../explain.js"
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { invalid, loadTerritory } from "../load.js"
import { ExitCode, type Failure } from "../outcome.js"
import { writeOut } from "../read.js"
import { loadRubric } from "../rubric.js"

/**
 * The options of `welfare report`.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReportOptions extends DocumentOptions {
  readonly format: "md" | "html" | "json"
  readonly lang: "it" | "en"
  readonly out: string | undefined
  /**
   * The disclosure threshold of every figure about persons (3 to 11, 5 by
   * default; `Analysis.AnalyseOptions.threshold`).
   *
   * @since 0.2.0
   */
  readonly threshold?: number | undefined
  /**
   * The rounding base of every shown count of persons (2 to 10; exact counts
   * when absent).
   *
   * @since 0.2.0
   */
  readonly rounding?: number | undefined
}

/**
 * Writes the explained report of a territory document (see
 * `@welfare/report`'s `territoryReport`): to `out`, printing a short summary
 * (name, class and index, findings, first recommendation) and where it was
 * written; or, without `out`, the report itself to standard output.
 *
 * @category commands
 * @since 0.1.0
 */
export const report = async (io: Io, options: ReportOptions): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  if (loaded.value._tag === "Invalid") {
    return invalid(io, options, loaded.value.problems, loaded.value)
  }
  const rubric = await loadRubric(io, options.rubric, options.maxBytes)
  if (rubric._tag === "Failure") return rubric
  const territory = loaded.value.territory
  const streamed = loaded.value.streamed
  const disclosure = {
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.rounding === undefined ? {} : { rounding: options.rounding })
  }
  const own = Analysis.analyse(territory, { rubric: rubric.value, ...disclosure })
  // the measurements of an NDJSON file are summarised, never held: their progress and summary
  const analysis =
    streamed === undefined ? own : withStreamed(own, fromDetail(territory, streamed, disclosure))
  const doc = territoryReport({ territory, analysis }, { lang: options.lang })
  const render =
    options.format === "html" ? renderHtml : options.format === "md" ? renderMarkdown : renderJson
  const text = render(doc, { lang: options.lang })
  if (options.out === undefined) {
    io.stdout(text.endsWith("\n") ? text : `${text}\n`)
    return ExitCode.ok
  }
  const written = await writeOut(io, options.out, text)
  if (written !== undefined) return written
  io.stdout(
    `${summary(territory.name, analysis, options.lang).join("\n")}\nReport written to ${options.out}\n`
  )
  return ExitCode.ok
}
