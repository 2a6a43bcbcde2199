/** Lower-case without Polish diacritics: "Łódź" → "lodz". For type-ahead and search keys. */
export function foldPolish(text: string): string {
  return text.toLocaleLowerCase("pl").replaceAll("ł", "l").normalize("NFD").replace(/\p{M}/gu, "");
}
