/**
 * The shard worker's script, bundled to `dist/shard-worker.js` and started by
 * `makePool` (shard.ts): it takes ranges of each job from the shared queue,
 * folds them into partial summary cells and answers with those, the ranges'
 * counts and the byte ranges of the lines the fast reader could not vouch for
 * (plain data), which the main thread decodes with the full path. It imports
 * only `shard-reader.ts` and node's modules, never `@welfare/core` (effect):
 * it starts in milliseconds.
 *
 * @since 0.1.0
 */
import { parentPort, workerData } from "node:worker_threads"
import type { Job, Reply } from "./shard.js"
import { runRanges } from "./shard-reader.js"

const port = parentPort
const id = (workerData as { readonly id?: unknown } | null)?.id
if (port !== null && typeof id === "number") {
  port.on("message", (job: Job) => {
    let reply: Reply
    try {
      reply = {
        _tag: "done",
        job: job.job,
        result: runRanges(
          job.vocabulary,
          job.path,
          job.ranges,
          new Int32Array(job.owner),
          id,
          job.detail === true
        )
      }
    } catch (e) {
      reply = { _tag: "failed", job: job.job, message: e instanceof Error ? e.message : String(e) }
    }
    port.postMessage(reply)
  })
  port.postMessage({ _tag: "ready" } satisfies Reply)
}
