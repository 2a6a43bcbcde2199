import { titleWithoutNumber } from "../../client/src/lib/meetings.js";

describe("a session's title after 'Spotkanie n z 9'", () => {
  it("drops the title's own number, whatever the punctuation, and nothing else", () => {
    expect(titleWithoutNumber("Sesja 4: dane i wskaźniki", 4)).toBe("dane i wskaźniki");
    expect(titleWithoutNumber("Sesja 4", 4)).toBe("");
    expect(titleWithoutNumber("Spotkanie nr 4 – budżet", 4)).toBe("budżet");
    expect(titleWithoutNumber("Sesja 41: inna", 4)).toBe("Sesja 41: inna");
    expect(titleWithoutNumber("Sesja 5: nie ten numer", 4)).toBe("Sesja 5: nie ten numer");
    expect(titleWithoutNumber("Budżet zadaniowy w sesji 4", 4)).toBe("Budżet zadaniowy w sesji 4");
  });
});
