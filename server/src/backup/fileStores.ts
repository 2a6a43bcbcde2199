import type { Config } from "../config.js";
import { avatarDirectory } from "../infra/avatarStorage.js";
import { uploadDirectory } from "../infra/uploadStorage.js";
import type { FileStore } from "./backupFormat.js";

/** The directories of user files that belong to the forum's data (the database holds the rest). */
export function fileStores(config: Config): FileStore[] {
  return [
    { name: "avatars", dir: avatarDirectory(config.DATA_DIR) },
    { name: "uploads", dir: uploadDirectory(config) },
  ];
}
