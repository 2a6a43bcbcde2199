// The server as one ESM file for the test run's child processes (test/support/testServer.ts spawnForum).
// `node --import tsx server/src/main.ts` spends ~2.5 s of CPU per start in tsx's loader hooks (every
// one of the server's modules and packages resolved through them); the suites start ~100 servers.
// The bundle is the same sources compiled by the same esbuild tsx uses; packages stay external (loaded
// by Node from node_modules, as before) except the workspace's own TypeScript (@forum/shared).
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Bundles server/src/main.ts into a fresh directory; returns the file (remove its directory when done). */
export async function bundleServer() {
  // Under node_modules so that the bundle's `import "mongoose"` resolves to the repository's packages.
  const parent = path.join(REPO_ROOT, "node_modules", ".cache", "forum-jst-test-server");
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, "run-"));
  const outfile = path.join(dir, "main.mjs");
  await build({
    entryPoints: [path.join(REPO_ROOT, "server", "src", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "inline",
    logLevel: "error",
    plugins: [
      {
        name: "forum-sources",
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@forum/") ? undefined : { path: args.path, external: true },
          );
          // Each file keeps its own location: paths built from import.meta.url (REPO_ROOT, createRequire)
          // resolve as when the sources run through tsx.
          builder.onLoad({ filter: /\.ts$/ }, async (args) => ({
            contents: (await readFile(args.path, "utf8")).replaceAll(
              "import.meta.url",
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: "ts",
          }));
        },
      },
    ],
  });
  return outfile;
}
