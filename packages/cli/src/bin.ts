#!/usr/bin/env node
import { version } from "./index.js"

process.stdout.write(`welfare ${version}\n`)
