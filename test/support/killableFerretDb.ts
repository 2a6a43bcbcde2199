import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildFerretDb, ferretDbArguments } from "../../server/src/db/ferretdb.js";
import { findFreePort, LOOPBACK, waitForPort } from "../../server/src/db/freePort.js";

/** A FerretDB of one test's own, which the test may kill and start again on the same port and data. */
export interface KillableFerretDb {
  /** mongodb://127.0.0.1:<port>/ (no database name). */
  uri: string;
  /** SIGKILL: a crash, nothing flushed beyond what SQLite already committed. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  stop(): Promise<void>;
}

export async function startKillableFerretDb(): Promise<KillableFerretDb> {
  const binary = await buildFerretDb(() => undefined);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-jst-killable-ferretdb-"));
  const port = await findFreePort();
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const started = spawn(binary, ferretDbArguments(dataDir, port), { stdio: "ignore" });
    child = started;
    let exited: string | undefined;
    started.once("exit", (code, signal) => (exited = `FerretDB exited (${code ?? signal})`));
    await waitForPort(port, { timeoutMs: 30_000, abortReason: () => exited });
  };
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill(signal);
    await exited;
  };

  await start();
  return {
    uri: `mongodb://${LOOPBACK}:${port}/`,
    kill: () => kill("SIGKILL"),
    restart: start,
    stop: async () => {
      await kill("SIGTERM");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
