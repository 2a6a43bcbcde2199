import { readFileSync } from "node:fs";
import { MorfologikFsa } from "./morfologikFsa.js";
import { POLISH_DICTIONARY_FILE, polishDictionary } from "./polishDictionary.js";

const lemmasOf = (entries: { form: string; lemmas: string[] }[]) =>
  entries.map(({ form, lemmas }) => [form, lemmas.sort()]);

describe("the morfologik-polish automaton", () => {
  it("gives each form its lemmas, through stem alternations and suppletion", () => {
    const dictionary = polishDictionary();
    expect(lemmasOf(dictionary.lookup("oświacie"))).toEqual([["oświacie", ["oświata"]]]);
    expect(lemmasOf(dictionary.lookup("szkół"))).toEqual([["szkół", ["szkoła"]]]);
    expect(lemmasOf(dictionary.lookup("karcie"))).toEqual([["karcie", ["kart", "karta"]]]);
    expect(lemmasOf(dictionary.lookup("najlepszy"))).toEqual([["najlepszy", ["dobry"]]]);
    // A prefix cut and a new ending at once ("nie-" of negated participles).
    expect(lemmasOf(dictionary.lookup("nieczytany"))).toEqual([["nieczytany", ["czytać"]]]);
  });

  it("matches letter case as the dictionary writes it (names, acronyms)", () => {
    expect(lemmasOf(polishDictionary().lookup("łukaszewicz"))).toEqual([["Łukaszewicz", ["Łukaszewicz"]]]);
    expect(lemmasOf(polishDictionary().lookup("zus"))).toEqual([["ZUS", ["ZUS"]]]);
  });

  it("finds every spelling that folds to a word typed without diacritics", () => {
    expect(polishDictionary().lookup("oswiacie")).toEqual([]);
    expect(lemmasOf(polishDictionary().lookupFolded("oswiacie"))).toEqual([["oświacie", ["oświata"]]]);
    expect(
      polishDictionary()
        .lookupFolded("szkol")
        .map((entry) => entry.form)
        .sort(),
    ).toEqual(["szkol", "szkól", "szkół"]);
  });

  it("knows nothing of words outside the dictionary", () => {
    expect(polishDictionary().lookup("qwzxv")).toEqual([]);
    expect(polishDictionary().lookupFolded("")).toEqual([]);
  });

  it("refuses a file that is not a CFSA2 automaton", () => {
    expect(() => new MorfologikFsa(Buffer.from("not an automaton"))).toThrow("Not a Morfologik automaton.");
    const file = Buffer.from(readFileSync(POLISH_DICTIONARY_FILE));
    file[4] = 0xc5;
    expect(() => new MorfologikFsa(file)).toThrow("Unsupported automaton version");
  });
});
