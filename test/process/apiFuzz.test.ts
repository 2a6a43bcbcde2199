import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { documentedEndpoints, operationId } from "../../server/src/openapi/openApiDocument.js";
import { Analysis } from "../../server/src/models/Analysis.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { Post } from "../../server/src/models/Post.js";
import { Practice } from "../../server/src/models/Practice.js";
import { Tag } from "../../server/src/models/Tag.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signInCookie } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Fixed, so a failure found once is found again (and can be replayed with the printed command). */
const SEED = "20261123";
/** Cases per operation: some 900 in all (positive and negative), in about two minutes on FerretDB. */
const MAX_EXAMPLES = "5";

/** The schemathesis executable (installed once into the cache by scripts/ensure-schemathesis.sh). */
function schemathesisBinary(): string {
  const install = spawnSync("bash", [path.join(REPO_ROOT, "scripts/ensure-schemathesis.sh")], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (install.status === 3)
    throw new Error(`The API fuzzer needs python3 with venv (Debian: python3 python3-venv):\n${install.stderr}`);
  if (install.status !== 0) throw new Error(`Installing schemathesis failed:\n${install.stderr}`);
  return install.stdout.trim().split("\n").at(-1) ?? "";
}

function run(command: string, args: string[], workDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Its own working directory: schemathesis keeps a .schemathesis cache where it runs.
    const child = spawn(command, args, { cwd: workDir, env: { ...process.env, NO_COLOR: "1", COLUMNS: "160" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

/** The CSRF token of a signed-in session (the session cookie is sent along). */
async function csrfTokenFor(url: string, cookie: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/csrf`, { headers: { Cookie: cookie } });
  return ((await response.json()) as { token: string }).token;
}

interface PathParameter {
  name: string;
  in: string;
  example?: string;
}
type Document = { paths: Record<string, Record<string, { parameters: PathParameter[] }>> };

/**
 * Random ids only ever meet 404. The examples phase calls every operation once with ids of
 * seeded documents instead (the first path segment says what `{id}` names), so the fuzzer also
 * reaches the code behind the lookups.
 */
async function withSeededExamples(document: Document): Promise<Document> {
  const idOf = async (found: Promise<{ _id: unknown } | null>) => String((await found)?._id ?? "");
  const thread = await Thread.findOne({ mergedIntoId: null }).lean();
  const ids: Record<string, string> = {
    threads: String(thread?._id ?? ""),
    categories: String(thread?.categoryId ?? ""),
    posts: await idOf(Post.findOne({ threadId: thread?._id }).lean()),
    meetings: await idOf(Meeting.findOne().lean()),
    practices: await idOf(Practice.findOne().lean()),
    analyses: await idOf(Analysis.findOne().lean()),
  };
  const slugs: Record<string, string> = {
    groups: "gwd-malopolska",
    pages: "privacy",
    tags: (await Tag.findOne().lean())?.slug ?? "",
  };
  const username = (await User.findOne({ email: DEMO.memberA }).lean())?.username ?? "";
  for (const [openApiPath, item] of Object.entries(document.paths)) {
    const resource = openApiPath.split("/")[2] ?? "";
    for (const operation of Object.values(item)) {
      for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
        const example =
          parameter.name === "id"
            ? ids[resource]
            : parameter.name === "slug"
              ? slugs[resource]
              : parameter.name === "username"
                ? username
                : parameter.name === "threadId"
                  ? ids.threads
                  : parameter.name === "categoryId"
                    ? ids.categories
                    : undefined;
        if (example) parameter.example = example;
      }
    }
  }
  return document;
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "apifuzz" });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("the HTTP API under a property-based fuzzer (schemathesis)", () => {
  it("never answers 5xx nor outside its OpenAPI document, for any generated request as an admin", async () => {
    const schemathesis = schemathesisBinary();
    const cookie = await signInCookie(server.url, DEMO.admin);
    const token = await csrfTokenFor(server.url, cookie);
    const operations = documentedEndpoints();
    const skipped = operations.filter((operation) => operation.notFuzzed);
    const workDir = await mkdtemp(path.join(os.tmpdir(), "forum-jst-fuzz-"));
    const documentFile = path.join(workDir, "openapi.json");
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Document;
    await writeFile(documentFile, JSON.stringify(await withSeededExamples(document)));
    const result = await run(
      schemathesis,
      [
        "run",
        documentFile,
        "--url",
        server.url,
        "--checks",
        "not_a_server_error,response_schema_conformance",
        "--seed",
        SEED,
        "--max-examples",
        MAX_EXAMPLES,
        // The coverage phase (boundary values of every keyword) takes ~4 minutes here on its own and trips
        // over an internal error of schemathesis on one body schema; stateful chains need links the
        // document does not declare. Random fuzzing, positive and negative, within the time budget.
        "--phases",
        "examples,fuzzing",
        "--workers",
        "2",
        "--no-shrink",
        "--request-timeout",
        "20",
        "--header",
        `Cookie: ${cookie}`,
        "--header",
        `x-csrf-token: ${token}`,
        "--header",
        `Origin: ${server.url}`,
        ...skipped.flatMap((operation) => ["--exclude-operation-id", operationId(operation)]),
      ],
      workDir,
    );
    await rm(workDir, { recursive: true, force: true });
    const cases = Number(/(\d+) generated/.exec(result.output)?.[1] ?? 0);
    console.log(
      `schemathesis: ${cases} generated cases over ${operations.length - skipped.length} operations\n${result.output}`,
    );
    // The session must have survived the run, or most operations were only tried as a visitor.
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: cookie } });
    expect(((await me.json()) as { user?: { email?: string } | null }).user?.email).toBe(DEMO.admin);
    expect(result.output).not.toMatch(/Server error|Response violates schema/i);
    expect(cases).toBeGreaterThanOrEqual(300);
    // Every generated case passed both checks…
    expect(result.output).toContain(`${cases} generated, ${cases} passed`);
    // …and the only errors allowed are schemathesis's own: its generator sometimes trips over itself
    // (a KeyError inside schemathesis, reported by Hypothesis as "Inconsistent results") on one
    // operation in the examples phase; the fuzzing phase still tests that operation.
    const errors = [...result.output.matchAll(/^\s+🚫 (.+): \d+$/gm)].map(([, kind]) => kind);
    expect(errors.filter((kind) => kind !== "Runtime Error")).toEqual([]);
    if (errors.length > 0) expect(result.output).toContain("Inconsistent results");
    else expect(result.code).toBe(0);
  }, 420_000);
});
