// Jest globalTeardown: stops the database server globalSetup started (and removes its throwaway data).
import { DATABASE_HANDLE_KEY } from "./globalSetup.mjs";

export default async function globalTeardown() {
  await globalThis[DATABASE_HANDLE_KEY]?.stop();
  globalThis[DATABASE_HANDLE_KEY] = undefined;
}
