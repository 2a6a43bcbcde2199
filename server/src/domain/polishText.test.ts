import { fold, indexTerms, matchLevel, queryWords, tokenize, wordMatches } from "./polishText.js";

const matches = (documentWord: string, query: string) =>
  matchLevel(new Set(indexTerms(documentWord)), queryWords(query)[0]!);

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

describe("indexTerms", () => {
  it("skips stop words and stores the folded form, the stem and its truncations", () => {
    const terms = indexTerms("w szkołach");
    expect(terms).toEqual(expect.arrayContaining(["w:szkolach", "s:szko"]));
    expect(terms.some((term) => term.endsWith(":w"))).toBe(false);
  });
});

describe("matching a query word", () => {
  it.each([
    // The examples: "szkoła" finds "szkół" and "szkołach"; "szkol" finds "szkół".
    ["szkół", "szkoła"],
    ["szkołach", "szkoła"],
    ["szkół", "szkol"],
    ["jakości", "jakosc"],
    ["budżetu", "budzet"],
    ["kompetencji", "kompetencje"],
    ["cyfrowych", "cyfrowe"],
    ["dyrektorów", "dyrektor"],
    ["Łukaszewicz", "lukaszewicz"],
  ])("%s is found by %s", (documentWord, query) => {
    expect(matches(documentWord, query)).not.toBeNull();
  });

  it("ranks the exact form above the stem and the stem above a truncation", () => {
    expect(matches("szkół", "szkol")).toBe("exact");
    expect(matches("jakości", "jakość")).toBe("stem");
    expect(matches("szkołach", "szkoła")).toBe("prefix");
  });

  it.each([
    ["dowóz", "szkoła"],
    ["budżet", "budynek"],
    ["gmina", "gimnazjum"],
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
