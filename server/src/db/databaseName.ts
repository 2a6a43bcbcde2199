import type { DatabaseHandle } from "./findDatabase.js";

/** A database named in MONGODB_URI wins; otherwise the configured name is used. */
export function databaseNameFor(
  database: Pick<DatabaseHandle, "uri" | "kind">,
  configuredName: string,
): string | undefined {
  if (database.kind === "external" && /^mongodb(?:\+srv)?:\/\/[^/]+\/[^?/]+/.test(database.uri)) return undefined;
  return configuredName;
}
