import { defineConfig } from "vitest/config"
import { budget, inlineWorkspace, sourceResolution } from "../../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  test: {
    ...budget,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    server: inlineWorkspace,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] }
  }
})
