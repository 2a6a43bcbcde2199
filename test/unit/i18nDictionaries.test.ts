import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Every key a screen uses must exist in both languages, or one of them shows the raw key. */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client/src/lib/i18n");

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

const dictionaries = readdirSync(dir)
  .filter((file) => file.endsWith(".pl.json") || file === "pl.json")
  .map((file) => [file, file.replace(/pl\.json$/, "en.json")] as const);

describe.each(dictionaries)("%s and %s", (polish, english) => {
  it("have the same keys", () => {
    const read = (file: string) => keysOf(JSON.parse(readFileSync(path.join(dir, file), "utf8"))).sort();
    expect(read(english)).toEqual(read(polish));
  });
});
