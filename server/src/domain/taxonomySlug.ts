import { slugFromName } from "@forum/shared";

/** The address of a tag or tag group, from its Polish name without diacritics: "Szkoły średnie" → "szkoly-srednie". */
export function taxonomySlug(name: string): string {
  const slug = slugFromName(name);
  // slugFromName falls back to "kategoria" for names with no letters or digits.
  return /[\p{L}\p{N}]/u.test(name) ? slug : "tag";
}
