#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart, pretest): installs dependencies when the
// lock file changed since the last install, and builds the client when its sources changed
// since the last build. Plain Node, no dependencies (it runs before they exist); instant when
// there is nothing to do.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...parts) => path.join(root, ...parts);

/** Modification time in ms, or undefined when the path does not exist. */
function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time of any file below `dir` (skipping dependencies and build output). */
function newestIn(dir) {
  let newest = modifiedAt(dir) ?? 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name === "build" || entry.name === ".svelte-kit") continue;
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestIn(full) : (modifiedAt(full) ?? 0);
    if (time > newest) newest = time;
  }
  return newest;
}

function run(description, command, args) {
  console.log(`[przygotowanie] ${description}…`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[przygotowanie] Nie powiodło się: ${command} ${args.join(" ")} (kod ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function ensureDependencies() {
  const hasLock = existsSync(at("package-lock.json"));
  const installedAt = modifiedAt(at("node_modules", ".package-lock.json"));
  if (!existsSync(at("node_modules")) || installedAt === undefined) {
    if (hasLock) run("Instaluję zależności (npm ci)", npm, ["ci"]);
    else run("Instaluję zależności (npm install)", npm, ["install"]);
    return;
  }
  if (hasLock && modifiedAt(at("package-lock.json")) > installedAt) {
    run("package-lock.json zmienił się od ostatniej instalacji: instaluję zależności (npm ci)", npm, ["ci"]);
  }
}

/** Everything the client build reads: its sources, static files, config, and shared/. */
const CLIENT_INPUTS = [
  ["client", "src"],
  ["client", "static"],
  ["client", "package.json"],
  ["client", "vite.config.ts"],
  ["client", "svelte.config.js"],
  ["client", "tsconfig.json"],
  ["shared", "src"],
];

function ensureClientBuild() {
  if (!existsSync(at("client", "package.json"))) return;
  const builtAt = modifiedAt(at("client", "build", "index.html"));
  if (builtAt === undefined) {
    run("Buduję klienta (pierwszy raz)", npm, ["run", "build", "-w", "client"]);
    return;
  }
  const sourcesAt = Math.max(...CLIENT_INPUTS.map((parts) => newestIn(at(...parts))));
  if (sourcesAt > builtAt) run("Źródła klienta zmieniły się: buduję klienta", npm, ["run", "build", "-w", "client"]);
}

ensureDependencies();
ensureClientBuild();
