import { defineConfig } from "vitest/config"
import { inlineWorkspace, sourceResolution } from "../../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    server: inlineWorkspace,
    // compiling the FHIR R4 schema (3 MB) and running xmllint take seconds on a loaded machine
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] }
  }
})
