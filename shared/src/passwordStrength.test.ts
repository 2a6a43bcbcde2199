import { passwordWeakness } from "./passwordStrength.js";

describe("passwordWeakness", () => {
  it.each(["krótkie", "haslo123"])("refuses a short password: %s", (password) => {
    expect(passwordWeakness(password)).toBe("Hasło musi mieć co najmniej 12 znaków.");
  });
  it.each(["qwertyuiop12", "123456789012", "Warszawa2024", "aaaaaaaaaaaa", "kochamciebie"])(
    "refuses a common or patterned password: %s",
    (password) => {
      expect(passwordWeakness(password)).toMatch(/zbyt łatwe/);
    },
  );
  it.each(["Demo-Haslo-2026!", "sowa ogórek latarnia 47", "Kartuzy*Biblioteka*9"])("accepts %s", (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });
});
