import path from "node:path";
import type { Config } from "../config.js";
import type { FileStore } from "./backupFormat.js";

/** The directories of user files that belong to the forum's data (the database holds the rest). */
export function fileStores(config: Config): FileStore[] {
  return [
    { name: "avatars", dir: path.join(config.DATA_DIR, "avatars") },
    { name: "uploads", dir: config.UPLOAD_DIR ?? path.join(config.DATA_DIR, "uploads") },
  ];
}
