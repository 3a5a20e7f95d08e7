#!/usr/bin/env node
import { nodeIo, run } from "./index.js"

run(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code
})
