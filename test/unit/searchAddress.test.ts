import {
  hitPathname,
  pageCount,
  pageWindow,
  searchFiltersFrom,
  searchPathname,
  searchQueryString,
} from "../../client/src/lib/searchAddress.js";

describe("the search page's address", () => {
  it("keeps only the filters that are set, and leaves page 1 out", () => {
    expect(searchQueryString({ q: " szkoła ", kind: "thread", group: "", page: "1" })).toBe(
      "q=szko%C5%82a&kind=thread",
    );
    expect(searchQueryString({ q: "plan", page: "3", from: "2026-01-01" })).toBe("q=plan&from=2026-01-01&page=3");
    expect(searchPathname({ q: "plan", kind: "practice" })).toBe("szukaj?q=plan&kind=practice");
    expect(searchPathname({ q: "" })).toBe("szukaj");
  });

  it("reads every field back, empty when missing", () => {
    const filters = searchFiltersFrom(new URLSearchParams("q=szkol&tag=lokalne-koalicje&unknown=x"));
    expect(filters).toEqual({
      q: "szkol",
      kind: "",
      group: "",
      tag: "lokalne-koalicje",
      author: "",
      from: "",
      to: "",
      page: "",
    });
  });
});

describe("a hit's link", () => {
  it("is a path of this site", () => {
    expect(hitPathname("/watki/abc#wpis-def")).toBe("watki/abc#wpis-def");
  });

  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "watki/abc", "/a\nb"])(
    "is not rendered for %j",
    (url) => {
      expect(hitPathname(url)).toBeNull();
    },
  );
});

describe("result pages", () => {
  it("counts pages up to the engine's limit", () => {
    expect(pageCount(0, 20)).toBe(0);
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(5000, 20)).toBe(50);
  });

  it("offers the first, the last and the neighbours of the current page, with gaps", () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
  });
});
