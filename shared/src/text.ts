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

/**
 * Unicode's invisible bidirectional formatting characters: the embeddings and overrides (U+202A–U+202E), the
 * isolates (U+2066–U+2069) and the direction marks (U+200E, U+200F, U+061C). In a name or a title they only
 * serve to disguise it: `faktura\u202Efdp.exe.png` shows as "fakturagnp.exe.pdf".
 */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidirectional formatting characters: what is shown is what was typed, in its order. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
