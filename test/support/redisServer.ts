import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const READY = /Ready to accept connections/;

export interface TestRedis {
  /** e.g. redis://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function startOnce(port: number, dir: string): Promise<TestRedis> {
  // No persistence: the test's Redis only carries Socket.IO traffic and dies with the test.
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start in 10 s:\n${output}`)), 10_000);
    child.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ENOENT"
          ? new Error("redis-server not found: install the Debian package `redis-server` (.ci/run does)")
          : error,
      );
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** A redis-server of the test's own on a free loopback port, without persistence, in a temporary directory. */
export async function startRedisServer(): Promise<TestRedis> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "forum-jst-redis-"));
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  // The free port may be taken between the probe and redis-server's bind: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const redis = await startOnce(await freeLoopbackPort(), dir);
      return { url: redis.url, stop: () => redis.stop().then(cleanUp) };
    } catch (error) {
      lastError = error;
      if (error instanceof Error && error.message.includes("not found")) break;
    }
  }
  await cleanUp();
  throw lastError;
}
