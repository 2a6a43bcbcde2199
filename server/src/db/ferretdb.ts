import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { findFreePort, LOOPBACK, waitForPort } from "./freePort.js";
import type { RunningServer } from "./runningServer.js";

/** scripts/build-ferretdb.sh: builds FerretDB once from the Go module proxy, caches it by version. */
const BUILD_SCRIPT = fileURLToPath(new URL("../../../scripts/build-ferretdb.sh", import.meta.url));

/** Exit code of the build script when `go` is not on PATH. */
const NO_GO_EXIT_CODE = 3;

/** Port `npm start` prefers, so the address stays the same between runs when it is free. */
const PREFERRED_START_PORT = 27027;

/**
 * Client options every connection to FerretDB needs. FerretDB 1.24 (SQLite backend) runs an
 * update as read, modify, write back, without a lock across connections: 50 concurrent `$inc`
 * on one document over a pool of connections ended at 5, not 50. It handles the commands of
 * one connection one after another, so a single connection per process makes our updates
 * atomic again (with several app processes on one FerretDB they would still race).
 */
export const FERRETDB_CLIENT_OPTIONS = Object.freeze({ maxPoolSize: 1 });

export class FerretDbUnavailableError extends Error {
  override name = "FerretDbUnavailableError";
}

/**
 * Path of the FerretDB binary, building it first if it is not cached yet (minutes the first
 * time, instant afterwards). The script's progress lines go to `log`.
 */
export async function buildFerretDb(log: (message: string) => void): Promise<string> {
  const child = spawn("bash", [BUILD_SCRIPT], { stdio: ["ignore", "pipe", "pipe"] });
  const stdoutLines: string[] = [];
  const stderrTail: string[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => stdoutLines.push(line));
  createInterface({ input: child.stderr }).on("line", (line) => {
    if (line.trim() === "") return;
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log(line);
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code));
  }).catch((error: unknown) => {
    throw new FerretDbUnavailableError(`nie można uruchomić bash: ${String(error)}`);
  });
  if (exitCode === NO_GO_EXIT_CODE) {
    throw new FerretDbUnavailableError("brak Go (polecenia `go`) w PATH, więc nie można zbudować FerretDB");
  }
  const binary = stdoutLines.at(-1)?.trim();
  if (exitCode !== 0 || binary === undefined || binary === "") {
    throw new FerretDbUnavailableError(
      `budowanie FerretDB nie powiodło się (kod ${exitCode}): ${stderrTail.slice(-5).join(" | ")}`,
    );
  }
  return binary;
}

export interface StartFerretDbOptions {
  /** Path of the FerretDB binary (from buildFerretDb). */
  binary: string;
  /** "start": data kept in `dataDir`; "test": a throwaway temp dir removed by stop(). */
  purpose: "start" | "test";
  /** Directory for the SQLite files when purpose is "start" (created if missing). */
  dataDir: string;
  log: (message: string) => void;
}

/**
 * Starts FerretDB with its SQLite backend on a free loopback port and waits until it accepts
 * connections. The process dies with ours: a watchdog kills it when our end of its stdin closes,
 * which the kernel does however we exit (even on SIGKILL).
 */
export async function startFerretDb(options: StartFerretDbOptions): Promise<RunningServer> {
  const throwaway = options.purpose === "test";
  const dataDir = throwaway
    ? await mkdtemp(path.join(os.tmpdir(), "forum-jst-ferretdb-"))
    : path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });

  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const port = await findFreePort(throwaway ? undefined : PREFERRED_START_PORT);
    try {
      const child = await spawnAndWait(options.binary, dataDir, port, throwaway);
      return {
        uri: `mongodb://${LOOPBACK}:${port}/`,
        stop: once(async () => {
          await stopChild(child);
          if (throwaway) await rm(dataDir, { recursive: true, force: true });
        }),
      };
    } catch (error) {
      // Most likely someone took the port between findFreePort and FerretDB binding it.
      lastError = error;
    }
  }
  if (throwaway) await rm(dataDir, { recursive: true, force: true });
  throw new FerretDbUnavailableError(`FerretDB nie wystartował: ${String(lastError)}`);
}

/**
 * `sh` keeps our pipe on fd 3 for a background watchdog and then execs FerretDB in its own
 * place (same pid). When the pipe reaches EOF because we stopped or died (even by SIGKILL),
 * the watchdog sends SIGTERM to that pid and, for tests, removes the throwaway data dir
 * once FerretDB is gone (waiting at most 5 s).
 */
const WATCHDOG_SCRIPT = [
  "exec 3<&0",
  "(cat <&3 >/dev/null; kill $$ 2>/dev/null;" +
    ' if [ -n "$FORUM_FERRETDB_THROWAWAY_DIR" ]; then' +
    " i=0; while kill -0 $$ 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done;" +
    ' rm -rf "$FORUM_FERRETDB_THROWAWAY_DIR"; fi) &',
  'exec "$0" "$@" 3<&- </dev/null',
].join("\n");

/** FerretDB's command line: SQLite files in `dataDir`, listening on loopback `port`. */
export function ferretDbArguments(dataDir: string, port: number): string[] {
  return [
    "--handler=sqlite",
    `--sqlite-url=file:${dataDir}/`,
    `--listen-addr=${LOOPBACK}:${port}`,
    // The default debug address is a fixed port (8088): two FerretDBs would collide on it.
    "--debug-addr=-",
    `--state-dir=${dataDir}`,
    "--telemetry=disable",
    "--log-level=error",
  ];
}

async function spawnAndWait(binary: string, dataDir: string, port: number, throwaway: boolean): Promise<ChildProcess> {
  const args = ferretDbArguments(dataDir, port);
  const child = spawn("sh", ["-c", WATCHDOG_SCRIPT, binary, ...args], {
    stdio: ["pipe", "ignore", "pipe"],
    env: { ...process.env, FORUM_FERRETDB_THROWAWAY_DIR: throwaway ? dataDir : "" },
  });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 10) stderrTail.shift();
  });
  let exitedEarly: string | undefined;
  child.once("error", (error) => (exitedEarly = `nie można uruchomić FerretDB: ${error.message}`));
  child.once("exit", (code, signal) => {
    exitedEarly = `FerretDB zakończył się (kod ${code ?? signal}): ${stderrTail.join(" | ")}`;
  });

  const killOnExit = (): void => {
    child.kill("SIGTERM");
  };
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));

  try {
    await waitForPort(port, { timeoutMs: 30_000, abortReason: () => exitedEarly });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  // A forgotten stop() must not keep the process alive; the watchdog cleans up on exit.
  child.unref();
  for (const stream of [child.stdin, child.stderr]) {
    if (stream && "unref" in stream && typeof stream.unref === "function") stream.unref();
  }
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin?.end();
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
