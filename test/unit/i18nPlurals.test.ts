import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * Counts in words need the language's plural forms: Polish has four in ICU (one: 1 osoba, few: 2 osoby,
 * many: 5 osób, other: 1,5 osoby), English two. A count typed straight before its noun ("{people} osób")
 * is right for one number and wrong for the rest, and abbreviations ("{seconds} s") are no fix.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client/src/lib/i18n");
const REQUIRED: Record<"pl" | "en", string[]> = { pl: ["one", "few", "many", "other"], en: ["one", "other"] };

/** Arguments that hold a count of something (ordinal-like numbers such as a page or post number are not). */
const COUNTS =
  /^(count|people|jsts|personDays|votes|voters|seconds|minutes|hours|days|min|max|total|agreed|hidden|present|expected|pages|pageCount|practices|members|groups|meetings|posts|replies)$/;

/** Words after a count that do not change with it: "3 z 5", "3 of 5 chosen", "3 new". */
const INVARIABLE_AFTER = new Set(["z", "ze", "of", "chosen", "new"]);

function messages(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value === "string") return [[prefix, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => messages(inner, prefix ? `${prefix}.${key}` : key));
}

/** Problems in one message's elements (recursing into plural and select branches). */
function problems(elements: MessageFormatElement[], language: "pl" | "en"): string[] {
  const found: string[] = [];
  elements.forEach((element, index) => {
    if (element.type === TYPE.plural && element.pluralType !== "ordinal") {
      const forms = Object.keys(element.options);
      const missing = REQUIRED[language].filter((form) => !forms.includes(form));
      if (missing.length) found.push(`{${element.value}, plural} lacks ${missing.join(", ")}`);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) found.push(...problems(option.value, language));
    }
    if ((element.type === TYPE.argument || element.type === TYPE.number) && COUNTS.test(element.value)) {
      const next = elements[index + 1];
      const word = next?.type === TYPE.literal ? /^\s?(\p{Ll}[\p{L}.-]*)/u.exec(next.value)?.[1] : undefined;
      if (word && !INVARIABLE_AFTER.has(word)) {
        found.push(`{${element.value}} is followed by "${word}" without plural forms`);
      }
    }
  });
  return found;
}

const catalogues = readdirSync(dir)
  .filter((file) => file.endsWith(".json"))
  .map((file) => [file, file === "pl.json" || file.endsWith(".pl.json") ? "pl" : "en"] as const);

describe.each(catalogues)("%s", (file, language) => {
  it(`writes every count with ICU plural forms (${REQUIRED[language].join("/")})`, () => {
    const report = messages(JSON.parse(readFileSync(path.join(dir, file), "utf8"))).flatMap(([key, text]) =>
      problems(parse(text, { ignoreTag: true }), language).map((problem) => `${key}: ${problem}`),
    );
    expect(report).toEqual([]);
  });
});
