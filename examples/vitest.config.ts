import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@welfare/source"] },
  test: { include: ["examples/**/*.test.ts"], testTimeout: 60_000 }
})
