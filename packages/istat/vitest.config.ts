import { defineConfig } from "vitest/config"
import { inlineWorkspace, sourceResolution } from "../../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    server: inlineWorkspace,
    // parsing the 0.7 MB table and the property runs take seconds on a loaded machine
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] }
  }
})
