import { foldPolish, slugFromName, withoutBidiControls } from "./text.js";
import { personNameSchema } from "./schemas/account.js";
import { threadTitleSchema } from "./schemas/post.js";
import { categoryInputSchema } from "./schemas/category.js";

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

describe("withoutBidiControls", () => {
  it("drops every bidirectional formatting character and keeps the rest, Polish letters included", () => {
    expect(withoutBidiControls("faktura\u202Efdp.exe.png")).toBe("fakturafdp.exe.png");
    const controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(withoutBidiControls(`Zo${controls}fia Żółć`)).toBe("Zofia Żółć");
    expect(withoutBidiControls("مدرسة — szkoła")).toBe("مدرسة — szkoła");
  });
});

describe("displayText in the shared schemas", () => {
  it("strips bidi controls from names and titles before trimming and length checks", () => {
    expect(personNameSchema.parse("\u202EAnna Kowalska\u202C ")).toBe("Anna Kowalska");
    expect(threadTitleSchema.parse("Faktura\u202Efdp.exe dla szkoły")).toBe("Fakturafdp.exe dla szkoły");
    expect(categoryInputSchema.parse({ name: "\u2067Ogł\u2069oszenia" }).name).toBe("Ogłoszenia");
    // Nothing left once the controls are gone: too short, as if nothing had been typed.
    expect(personNameSchema.safeParse("\u202E\u202E\u202E\u202E").success).toBe(false);
  });
});
