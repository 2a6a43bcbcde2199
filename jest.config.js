// Jest for the whole repository: one project per kind of test, all in ESM TypeScript through SWC.
// Run it with `npm test` (scripts/run-tests.mjs sets NODE_OPTIONS=--experimental-vm-modules).

/** Shared by every project: TypeScript as native ESM, imports written with `.js` like Node wants. */
const typescriptAsEsm = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "es6" },
        sourceMaps: "inline",
      },
    ],
  },
  // `import { x } from "./file.js"` points at file.ts in the sources.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...typescriptAsEsm,
      displayName: "unit",
      testMatch: [
        "<rootDir>/server/src/**/*.test.ts",
        "<rootDir>/shared/src/**/*.test.ts",
        "<rootDir>/test/unit/**/*.test.ts",
      ],
    },
    {
      ...typescriptAsEsm,
      displayName: "db",
      testMatch: ["<rootDir>/test/db/**/*.test.ts"],
    },
    {
      ...typescriptAsEsm,
      displayName: "api",
      testMatch: ["<rootDir>/test/api/**/*.test.ts"],
    },
    {
      ...typescriptAsEsm,
      displayName: "socket",
      testMatch: ["<rootDir>/test/socket/**/*.test.ts"],
    },
    {
      ...typescriptAsEsm,
      displayName: "process",
      testMatch: ["<rootDir>/test/process/**/*.test.ts"],
    },
    {
      ...typescriptAsEsm,
      displayName: "browser",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
    },
  ],
  // Jest reads the timeout from the top level only (per-project values are ignored).
  testTimeout: 30_000,
  // One database server per run; each test file makes its own database on it (test/support/testDatabase.ts).
  globalSetup: "<rootDir>/test/support/globalSetup.mjs",
  globalTeardown: "<rootDir>/test/support/globalTeardown.mjs",
  reporters: ["default", "<rootDir>/test/support/summaryReporter.cjs"],
};
