import { queryWords } from "./polishText.js";
import { markAll, snippet, SNIPPET_LENGTH } from "./searchSnippet.js";

const shown = (parts: { text: string; match: boolean }[]) =>
  parts.map((part) => (part.match ? `[${part.text}]` : part.text)).join("");

describe("snippet", () => {
  it("marks the matched words of a short text and keeps the rest as is", () => {
    expect(shown(snippet("Dowóz uczniów do szkół wiejskich.", queryWords("szkoła uczniowie")))).toBe(
      "Dowóz [uczniów] do [szkół] wiejskich.",
    );
  });

  it("cuts a long text around its densest match, at word boundaries, with ellipses", () => {
    const filler = "Lorem ipsum dolor sit amet consectetur. ".repeat(20);
    const text = `${filler}Budżet gminy na dowozy uczniów wzrósł, bo dowozy kosztują. ${filler}`;
    const parts = snippet(text, queryWords("dowozy budżet"));
    const joined = parts.map((part) => part.text).join("");
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(parts.at(-1)).toEqual({ text: "…", match: false });
    expect(joined.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(["Budżet", "dowozy", "dowozy"]);
    expect(joined).not.toMatch(/…\S*ipsu\s/);
  });

  it("is empty when nothing in the text matched", () => {
    expect(snippet("Nic wspólnego.", queryWords("szkoła"))).toEqual([]);
  });
});

describe("markAll", () => {
  it("marks a title's matched words", () => {
    expect(markAll("Szkoły i przedszkola", queryWords("szkoła"))).toEqual([
      { text: "Szkoły", match: true },
      { text: " i przedszkola", match: false },
    ]);
  });
});
