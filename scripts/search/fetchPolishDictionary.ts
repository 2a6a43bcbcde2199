/**
 * `npm run search:dictionary`: fetches the Polish lemma dictionary that search uses (morfologik-polish from Maven
 * Central, BSD-licensed) and writes it, unchanged, into server/reference/morfologik-polish/ with its licence and
 * description. The server reads that automaton directly (server/src/domain/morfologikFsa.ts), so this is only run to
 * take a new version; it needs Maven (`mvn`) on PATH. It refuses a dictionary whose format the reader does not know
 * and checks a few forms with stem alternations before writing anything.
 *
 *   npm run search:dictionary                 # the version below
 *   npm run search:dictionary -- 2.1.9        # another version of the same artifact
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { MorfologikFsa } from "../../server/src/domain/morfologikFsa.js";

const VERSION = process.argv[2] ?? "2.1.9";
const ARTIFACT = `org.carrot2:morfologik-polish:${VERSION}`;
const JAR_DIR = "morfologik/stemming/polish/";
const FILES = ["polish.dict", "polish.info", "polish.LICENSE.txt", "polish.README.Polish.txt"];
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../server/reference/morfologik-polish");

/** Forms the search relies on, with the lemma each must reach (stem alternations included). */
const EXPECTED: [string, string][] = [
  ["oświacie", "oświata"],
  ["Karcie", "karta"],
  ["Radzie", "rada"],
  ["szkół", "szkoła"],
  ["szkole", "szkoła"],
  ["wiejskich", "wiejski"],
  ["cyfrowymi", "cyfrowy"],
  ["dowozu", "dowóz"],
];

function fail(message: string): never {
  console.error(`search:dictionary: ${message}`);
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), "forum-dictionary-"));
try {
  console.log(`Pobieranie ${ARTIFACT} (Maven)…`);
  const maven = spawnSync("mvn", ["-q", "dependency:copy", `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${work}`], {
    stdio: "inherit",
  });
  if (maven.error || maven.status !== 0)
    fail(`Maven could not fetch ${ARTIFACT} (${maven.error?.message ?? maven.status}).`);
  const jar = unzipSync(readFileSync(path.join(work, `morfologik-polish-${VERSION}.jar`)), {
    filter: (file) => FILES.some((name) => file.name === JAR_DIR + name),
  });
  const files = Object.fromEntries(
    FILES.map((name) => [name, jar[JAR_DIR + name] ?? fail(`${name} is not in the jar.`)]),
  );

  // The reader knows one layout: prefix/suffix-trimmed lemmas after ";" in UTF-8 (see morfologikFsa.ts).
  const info = Buffer.from(files["polish.info"]!).toString("utf8");
  for (const [key, value] of [
    ["fsa.dict.separator", ";"],
    ["fsa.dict.encoding", "UTF-8"],
    ["fsa.dict.encoder", "PREFIX"],
  ] as const) {
    const line = info.split("\n").find((candidate) => candidate.startsWith(`${key}=`));
    if (
      line
        ?.slice(key.length + 1)
        .trim()
        .toUpperCase() !== value.toUpperCase()
    ) {
      fail(`polish.info says ${line ?? `no ${key}`}; the reader expects ${key}=${value}.`);
    }
  }
  const fsa = new MorfologikFsa(files["polish.dict"]!);
  for (const [form, lemma] of EXPECTED) {
    const lemmas = fsa.lookup(form).flatMap((entry) => entry.lemmas.map((found) => found.toLowerCase()));
    if (!lemmas.includes(lemma))
      fail(`"${form}" should lead to "${lemma}", the dictionary says ${JSON.stringify(lemmas)}.`);
  }

  for (const name of FILES) writeFileSync(path.join(target, name), files[name]!);
  const sha256 = createHash("sha256").update(files["polish.dict"]!).digest("hex");
  writeFileSync(
    path.join(target, "SOURCE.json"),
    `${JSON.stringify({ artifact: ARTIFACT, file: `${JAR_DIR}polish.dict`, sha256, license: "BSD-2-Clause" }, null, 2)}\n`,
  );
  console.log(`Zapisano słownik do ${path.relative(process.cwd(), target)} (polish.dict sha256 ${sha256}).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
