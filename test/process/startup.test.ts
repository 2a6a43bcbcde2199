import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Runs the start entry point with the given environment and collects what it prints. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string; elapsedMs: number }> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, elapsedMs: Date.now() - startedAt });
    });
  });
}

describe("starting the forum", () => {
  it("fails fast with a clear message when MONGODB_URI points nowhere", async () => {
    const result = await runServer({ MONGODB_URI: "mongodb://127.0.0.1:1/x", PORT: "0" });
    expect(result.code).toBe(1);
    // The driver's own default would wait 30 s per attempt; ours gives up after 3 s. The margin
    // covers starting Node and tsx on a loaded 2-core CI machine.
    expect(result.elapsedMs).toBeLessThan(25_000);
    expect(result.output).toContain("Nie udało się uruchomić forum.");
    expect(result.output).toContain("Nie można połączyć się z bazą danych (mongodb://127.0.0.1:1/x)");
    expect(result.output).toContain("MONGODB_URI");
    expect(result.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no stack trace
  }, 30_000);

  it.each([
    [{ PORT: "osiemdziesiąt" }, "PORT"],
    [{ PORT: "70000" }, "PORT: dozwolone: 0–65535"],
    [{ MONGODB_URI: "postgres://localhost/x" }, "MONGODB_URI: musi zaczynać się od mongodb://"],
    [{ SEED_DEMO: "tak" }, "SEED_DEMO: dozwolone: auto, always, never"],
  ])(
    "stops on a bad setting and names the variable (%o)",
    async (env, message) => {
      const result = await runServer(env);
      expect(result.code).toBe(1);
      expect(result.output).toContain("Nieprawidłowa konfiguracja");
      expect(result.output).toContain(message);
      expect(result.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    },
    30_000,
  );
});
