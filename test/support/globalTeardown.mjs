// Jest globalTeardown: stops the database server globalSetup started and removes the run's throwaway files.
import { rm } from "node:fs/promises";
import path from "node:path";
import { DATABASE_HANDLE_KEY } from "./globalSetup.mjs";

export default async function globalTeardown() {
  await globalThis[DATABASE_HANDLE_KEY]?.stop();
  globalThis[DATABASE_HANDLE_KEY] = undefined;
  const bundle = process.env.FORUM_TEST_SERVER_BUNDLE;
  if (bundle) await rm(path.dirname(bundle), { recursive: true, force: true });
  const snapshots = process.env.FORUM_TEST_SEED_SNAPSHOT_DIR;
  if (snapshots) await rm(snapshots, { recursive: true, force: true });
}
