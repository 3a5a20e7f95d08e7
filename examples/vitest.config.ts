import { defineConfig } from "vitest/config"
import { inlineWorkspace, sourceResolution } from "../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  test: { include: ["examples/**/*.test.ts"], testTimeout: 120_000, server: inlineWorkspace }
})
