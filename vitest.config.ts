import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server code, which says so with `import "server-only"` (empty on the server).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    // Unit and database tests sit next to the code; Playwright's *.spec.ts live in e2e/.
    include: ["{lib,app,components,prisma,scripts}/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Accounts made by tests hash their passwords at a lower scrypt cost (read only when
    // NODE_ENV is "test"; lib/crypto/password.ts keeps OWASP's 2^17 everywhere else).
    env: { PASSWORD_SCRYPT_LOG2_N: "12" },
  },
});
