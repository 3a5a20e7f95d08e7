import { defineConfig } from "vitest/config"
import { budget, inlineWorkspace, sourceResolution } from "../../vitest.shared.js"

export default defineConfig({
  ...sourceResolution,
  ssr: {
    resolve: {
      // vitest hands these to the Node of its workers, which loads the external packages:
      // with "import" among them, a CommonJS require of a dual package (pg's require("pg-pool"))
      // would get its ES module; Vite adds "import" for the modules it resolves itself
      conditions: ["@welfare/source", "module", "node", "default"],
      externalConditions: ["@welfare/source", "node", "default"]
    }
  },
  test: {
    ...budget,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    server: inlineWorkspace,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] }
  }
})
