import { defineConfig } from "vitest/config"
import { budget, inlineWorkspace, sourceResolution } from "../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  test: { ...budget, include: ["examples/**/*.test.ts"], server: inlineWorkspace }
})
