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

/** Runs a command in the repository root; stops with its name when it fails. */
function run(description, command, args) {
  console.log(`[przygotowanie] ${description}…`);
  if (spawnSync(command, args, { cwd: root, stdio: "inherit" }).status !== 0) {
    console.error(`[przygotowanie] Nie powiodło się: ${command} ${args.join(" ")}`);
    process.exit(1);
  }
}

/** `npm ci`: the lock file lists every platform's optional builds, so it installs as locked. */
function cleanInstall(description) {
  run(`${description} (npm ci)`, npm, ["ci", "--no-audit", "--no-fund"]);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function ensureDependencies() {
  const hasLock = existsSync(at("package-lock.json"));
  const installedAt = modifiedAt(at("node_modules", ".package-lock.json"));
  if (!existsSync(at("node_modules")) || installedAt === undefined) {
    if (hasLock) cleanInstall("Instaluję zależności");
    else run("Instaluję zależności (npm install)", npm, ["install", "--no-audit", "--no-fund"]);
    return;
  }
  if (hasLock && modifiedAt(at("package-lock.json")) > installedAt) {
    cleanInstall("package-lock.json zmienił się od ostatniej instalacji: instaluję zależności");
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

/** SvelteKit, Vite and the server's dependencies want Node 24 LTS; say so plainly instead of a wall of npm warnings. */
function ensureNodeVersion() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= 24) return;
  console.error(
    `[przygotowanie] Forum wymaga Node.js 24 LTS (masz ${process.version}). ` +
      "Zainstaluj Node.js 24 (https://nodejs.org/) albo uruchom `bash .ci/run`, który pobierze go z rejestru npm.",
  );
  process.exit(1);
}

ensureNodeVersion();
ensureDependencies();
ensureClientBuild();
