/** Lower-case without Polish diacritics: "Łódź" → "lodz". For type-ahead and search keys. */
export function foldPolish(text: string): string {
  return text.toLocaleLowerCase("pl").replaceAll("ł", "l").normalize("NFD").replace(/\p{M}/gu, "");
}

/** A URL-safe identifier from a Polish name: "Finansowanie oświaty" → "finansowanie-oswiaty". */
export function slugFromName(name: string): string {
  const slug = foldPolish(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "kategoria";
}
