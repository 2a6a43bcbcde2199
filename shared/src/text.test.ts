import { foldPolish, slugFromName } from "./text.js";

describe("foldPolish", () => {
  it.each([
    ["Łódź", "lodz"],
    ["Szkół", "szkol"],
    ["ŻUKOWO", "zukowo"],
    ["Gmina Miejsko-Wiejska Nałęczów", "gmina miejsko-wiejska naleczow"],
  ])("%s → %s", (input, expected) => {
    expect(foldPolish(input)).toBe(expected);
  });
});

describe("slugFromName", () => {
  it("folds Polish letters and separators into a URL-safe slug", () => {
    expect(slugFromName("Finansowanie oświaty — źródła (2026)")).toBe("finansowanie-oswiaty-zrodla-2026");
    expect(slugFromName("  Łódzkie: szkoły!  ")).toBe("lodzkie-szkoly");
  });
  it("never returns an empty slug", () => {
    expect(slugFromName("!!!")).toBe("kategoria");
  });
});
