import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROUTES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../server/src/routes");

/** Every `router.METHOD("path"` in server/src/routes, as sorted `"method path"` strings (path as in Express). */
export function declaredRoutes(): string[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .flatMap((file) =>
      [
        ...readFileSync(path.join(ROUTES_DIR, file), "utf8").matchAll(
          /router\.(get|post|put|patch|delete)\(\s*"([^"]+)"/g,
        ),
      ].map((match) => `${match[1]} ${match[2]}`),
    )
    .sort();
}
