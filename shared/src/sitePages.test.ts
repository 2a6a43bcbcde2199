import { hasAccessibilityContact, templateFields } from "./sitePages.js";

describe("template fields of a legal page", () => {
  it("finds each [field] once, but not links, references or escaped brackets", () => {
    const markdown = [
      "Administratorem jest [pełna nazwa], e-mail: [adres e-mail IOD].",
      "Kopię pobierzesz w [swoim profilu](/profil); zob. [RODO][1] i \\[przykład\\].",
      "Data: [RRRR-MM-DD]. Aktualizacja: [RRRR-MM-DD].",
      "[1]: https://eur-lex.europa.eu",
    ].join("\n\n");
    expect(templateFields(markdown)).toEqual(["pełna nazwa", "adres e-mail IOD", "RRRR-MM-DD"]);
    expect(templateFields("Wszystko uzupełnione, [link](https://zmp.poznan.pl).")).toEqual([]);
  });

  it("counts the coordinator's contact only with an e-mail address and no field left in its paragraph", () => {
    const contact = (text: string) => `## Dane kontaktowe\n\nOsobą kontaktową (koordynatorem) jest ${text}.\n\nInne.`;
    expect(hasAccessibilityContact(contact("[imię i nazwisko], e-mail: [adres e-mail]"))).toBe(false);
    expect(hasAccessibilityContact(contact("Jan Nowak, tel. 22 123 45 67"))).toBe(false);
    expect(hasAccessibilityContact(contact("Jan Nowak, e-mail: [adres e-mail] dostepnosc@zmp.pl"))).toBe(false);
    expect(hasAccessibilityContact(contact("Jan Nowak, e-mail: dostepnosc@zmp.poznan.pl"))).toBe(true);
    expect(hasAccessibilityContact("Brak sekcji z kontaktem, choć jest adres biuro@zmp.poznan.pl.")).toBe(false);
  });
});
