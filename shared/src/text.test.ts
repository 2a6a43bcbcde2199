import { foldPolish } from "./text.js";

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
