/**
 * The shard worker's script, bundled to `dist/shard-worker.js` and started by
 * `makePool` (shard.ts): it takes ranges of each job from the shared queue,
 * folds them into one summary and answers with that summary and the ranges'
 * problems and counts (plain data).
 *
 * @since 0.1.0
 */
import { parentPort, workerData } from "node:worker_threads"
import { type Job, type Reply, runRanges } from "./shard.js"

const port = parentPort
const id = (workerData as { readonly id?: unknown } | null)?.id
if (port !== null && typeof id === "number") {
  port.on("message", (job: Job) => {
    let reply: Reply
    try {
      reply = {
        _tag: "done",
        job: job.job,
        result: runRanges(job.path, job.ranges, new Int32Array(job.owner), id, job.detail === true)
      }
    } catch (e) {
      reply = { _tag: "failed", job: job.job, message: e instanceof Error ? e.message : String(e) }
    }
    port.postMessage(reply)
  })
  port.postMessage({ _tag: "ready" } satisfies Reply)
}
