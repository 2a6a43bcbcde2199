import {
  analyseWord,
  fold,
  matchLevel,
  queryWords,
  singleEdits,
  textTerms,
  tokenize,
  typoCorrections,
  wordMatches,
} from "./polishText.js";

/** How a word of a document matches the first word of a query, as the index and the engine see it. */
function matches(documentWord: string, query: string) {
  const [word] = queryWords(query);
  const levels = [...textTerms(documentWord).terms].map(([key, { forms }]) => matchLevel(key, [...forms], word!));
  return levels.includes("exact") ? "exact" : levels.includes("lemma") ? "lemma" : (levels.find(Boolean) ?? null);
}

describe("fold", () => {
  it("lower-cases and drops every Polish diacritic, ł included", () => {
    expect(fold("ZAŻÓŁĆ gęślą JAŹŃ")).toBe("zazolc gesla jazn");
  });
});

describe("tokenize", () => {
  it("keeps letters and digits with their positions", () => {
    expect(tokenize("Szkoła nr 3, „Łódź”!")).toEqual([
      { word: "szkoła", start: 0, end: 6 },
      { word: "nr", start: 7, end: 9 },
      { word: "3", start: 10, end: 11 },
      { word: "łódź", start: 14, end: 18 },
    ]);
  });
});

describe("the dictionary's lemmas", () => {
  it.each([
    // Every form of a word under one lemma, stem alternations included (the examples).
    [["oświata", "oswiata", "oświacie", "oświatą", "oświaty", "OŚWIATY"], "l:oswiata"],
    [["wiejskich", "wiejska", "wiejskiej", "wiejski"], "l:wiejski"],
    [["cyfrowymi", "cyfrowe", "cyfrowych", "cyfrowy"], "l:cyfrowy"],
    [["Karta", "Karcie", "kart", "kartą"], "l:karta"],
    [["Rada", "Radzie", "rady", "radą"], "l:rada"],
    [["szkoła", "szkole", "szkół", "szkołach", "szkolach", "szkołę"], "l:szkola"],
    [["dowóz", "dowozu", "dowozy", "dowozem"], "l:dowoz"],
    [["uczeń", "uczniów", "uczniowie", "uczniom"], "l:uczen"],
    [["Bolesławiec", "Bolesławcu", "boleslawca"], "l:boleslawiec"],
  ])("%j all lead to %s", (forms, key) => {
    for (const form of forms)
      expect({ form, keys: analyseWord(form).keys }).toEqual({ form, keys: expect.arrayContaining([key]) });
  });

  it("looks a word with Polish letters up as written, one without under every spelling that folds to it", () => {
    expect(analyseWord("szkół").keys).toEqual(["l:szkola"]);
    // "szkol" is the imperative of "szkolić" and "szkół" typed without diacritics.
    expect(analyseWord("szkol").keys.sort()).toEqual(["l:szkola", "l:szkolic"]);
  });

  it("falls back to the stemmer for words it lacks, and keeps other tokens whole", () => {
    expect(analyseWord("cyberprzemoc")).toEqual({ form: "cyberprzemoc", keys: ["s:cyberprzemoc"], known: false });
    expect(analyseWord("3D")).toEqual({ form: "3d", keys: ["w:3d"], known: false });
  });
});

describe("textTerms", () => {
  it("skips stop words and counts each key with the forms that gave it", () => {
    const { length, terms } = textTerms("W szkole i w szkołach");
    expect(length).toBe(2);
    expect(terms.get("l:szkola")).toEqual({ count: 2, forms: new Set(["szkole", "szkolach"]) });
    expect([...terms.keys()].some((key) => key.endsWith(":w"))).toBe(false);
  });
});

describe("matching a query word", () => {
  it.each([
    ["szkół", "szkoła"],
    ["szkołach", "szkoła"],
    ["szkół", "szkol"],
    ["jakości", "jakosc"],
    ["budżetu", "budzet"],
    ["kompetencji", "kompetencje"],
    ["cyfrowych", "cyfrowymi"],
    ["dyrektorów", "dyrektor"],
    ["Łukaszewicz", "lukaszewicz"],
    ["Radzie", "rada"],
    ["Karcie", "Karta"],
    ["oświacie", "oświata"],
  ])("%s is found by %s", (documentWord, query) => {
    expect(matches(documentWord, query)).not.toBeNull();
  });

  it("ranks the exact form above the lemma and the lemma above the fallback stem", () => {
    expect(matches("szkół", "szkol")).toBe("exact");
    expect(matches("Oświaty", "oswiaty")).toBe("exact");
    expect(matches("szkołach", "szkoła")).toBe("lemma");
    expect(matches("cyberprzemocy", "cyberprzemoc")).toBe("stem");
  });

  it.each([
    ["dowóz", "szkoła"],
    ["budżet", "budynek"],
    ["gmina", "gimnazjum"],
    ["wiejskich", "wiek"],
  ])("%s is not found by %s", (documentWord, query) => {
    expect(matches(documentWord, query)).toBeNull();
  });

  it("tells the snippet marker which words of a text match", () => {
    const [word] = queryWords("szkoła");
    expect(["szkołach", "szkół", "dowóz", "w"].map((text) => wordMatches(text, word!))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("queryWords", () => {
  it("drops stop words and repeated words", () => {
    expect(queryWords("Szkoła i szkola w gminie").map((word) => word.word)).toEqual(["szkoła", "gminie"]);
  });
});

describe("typos", () => {
  it("lists every string one Damerau–Levenshtein edit away", () => {
    const edits = singleEdits("abc");
    for (const edit of ["bc", "bac", "abd", "abxc", "xabc", "abcx"]) expect(edits.has(edit)).toBe(true);
    expect(edits.has("abc")).toBe(false);
    expect(edits.has("cba")).toBe(false);
  });

  it("offers the dictionary words one edit away, as the dictionary spells them", () => {
    const corrections = typoCorrections(queryWords("dowuz")[0]!);
    expect(corrections).toContainEqual(
      expect.objectContaining({ word: "dowóz", keys: expect.arrayContaining(["l:dowoz"]) }),
    );
    expect(typoCorrections(queryWords("uczniuw")[0]!).map((correction) => correction.word)).toContain("uczniów");
  });

  it("leaves short words and the word's own other forms alone", () => {
    expect(typoCorrections(queryWords("dwuz")[0]!)).toEqual([]);
    const own = typoCorrections(queryWords("oświaty")[0]!);
    expect(own.some((correction) => correction.keys.includes("l:oswiata"))).toBe(false);
  });
});
