import { defineConfig } from "vitest/config"
import { inlineWorkspace, sourceResolution } from "../../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    server: inlineWorkspace,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] }
  }
})
