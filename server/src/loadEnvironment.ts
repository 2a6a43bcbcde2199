import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig, REPO_ROOT, type Config } from "./config.js";

/** Reads `.env` from the repository root when there is one, then parses the environment once. */
export function loadEnvironment(): Config {
  const envFile = path.join(REPO_ROOT, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig();
}
