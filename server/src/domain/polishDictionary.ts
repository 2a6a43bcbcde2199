import { readFileSync } from "node:fs";
import { MorfologikFsa } from "./morfologikFsa.js";

/**
 * The Polish lemma dictionary: morfologik-polish 2.1.9 (PoliMorf and sjp.pl data, BSD-2-Clause; see
 * server/reference/morfologik-polish/ and the README's search section). Loaded on first use, once per process: the
 * automaton is read as it is stored (2.8 MB, a few milliseconds), nothing is expanded. `npm run search:dictionary`
 * fetches it again.
 */
export const POLISH_DICTIONARY_FILE = new URL("../../reference/morfologik-polish/polish.dict", import.meta.url);

let dictionary: MorfologikFsa | null = null;

export function polishDictionary(): MorfologikFsa {
  dictionary ??= new MorfologikFsa(readFileSync(POLISH_DICTIONARY_FILE));
  return dictionary;
}
