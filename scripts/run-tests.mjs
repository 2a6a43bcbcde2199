#!/usr/bin/env node
// `npm test`: every Jest project (unit, db, api, socket, browser) in one run, extra arguments
// passed through (`npm test -- --selectProjects db`). The last line of output is always
// `N passed, N failed`; the exit code is non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const extraArgs = process.argv.slice(2);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

// Browser tests run against the built client.
if (!existsSync(path.join(root, "client", "build", "index.html"))) {
  console.log("[testy] Brak client/build: buduję klienta…");
  const build = spawnSync(npm, ["run", "build", "-w", "client"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("[testy] Budowanie klienta nie powiodło się; testy przeglądarkowe nie przejdą.");
  }
}

// Two workers: one suite rarely keeps both cores busy (it waits on the database, the server or the
// browser), so two at a time finish the run in about two thirds of the time on a 2-core machine.
// Every suite has its own database and server, so they do not meet. `--maxWorkers=N` or `-i` overrides it.
const wantsWorkers = extraArgs.some((arg) => /^(-w|--maxWorkers|-i|--runInBand)/.test(arg));
// --forceExit: a handle leaked by one suite must not hang the whole run (CI has no one to press Ctrl-C).
const jestArgs = [...(wantsWorkers ? [] : ["--maxWorkers=2"]), "--forceExit", ...extraArgs];

const summaryDir = mkdtempSync(path.join(os.tmpdir(), "forum-jst-test-summary-"));
const summaryFile = path.join(summaryDir, "summary.json");
const nodeOptions = [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--disable-warning=ExperimentalWarning"]
  .filter(Boolean)
  .join(" ");

const jest = spawnSync(process.execPath, [path.join(root, "node_modules", "jest", "bin", "jest.js"), ...jestArgs], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: nodeOptions, FORUM_TEST_SUMMARY_FILE: summaryFile },
});

// No summary means Jest stopped before running tests (e.g. no database, bad config): one failure.
let summary = { passed: 0, failed: 1 };
try {
  summary = JSON.parse(readFileSync(summaryFile, "utf8"));
} catch {
  // keep the failure
}
rmSync(summaryDir, { recursive: true, force: true });

const failed = summary.failed > 0 || jest.status !== 0;
process.stdout.write(`${summary.passed} passed, ${summary.failed} failed\n`);
process.exit(failed ? jest.status || 1 : 0);
