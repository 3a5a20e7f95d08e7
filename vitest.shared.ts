import type { UserConfig } from "vitest/config"

// Tests read every @welfare package from its sources (the "@welfare/source"
// export condition), also where one package imports another or itself, so no
// test ever runs against a stale dist/.
const conditions = ["@welfare/source", "import", "module", "node", "default"]

export const sourceResolution: Pick<UserConfig, "resolve" | "ssr"> = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } }
}

export const inlineWorkspace = { deps: { inline: [/@welfare\//] } }

// Property tests are budgeted by run count, never by wall time: the default
// timeout is far above any test's duration on a busy 2-core machine.
export const budget = { testTimeout: 300_000, hookTimeout: 300_000 }
