/** The search page's address, as plain text (no SvelteKit imports, so it is unit-tested on its own). */

/** The search form's fields, as the address bar carries them (empty string: not set). */
export const SEARCH_FIELDS = ["q", "kind", "group", "tag", "author", "from", "to", "page"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchFilters = Record<SearchField, string>;

/** The search's state from the page address: `/szukaj?q=…&kind=…` is the whole state, so links and back/forward work. */
export function searchFiltersFrom(params: URLSearchParams): SearchFilters {
  return Object.fromEntries(SEARCH_FIELDS.map((field) => [field, params.get(field)?.trim() ?? ""])) as SearchFilters;
}

/** Only the fields that are set, trimmed; page 1 is the default and is left out. */
export function searchQuery(filters: Partial<SearchFilters>): Partial<SearchFilters> {
  const query: Partial<SearchFilters> = {};
  for (const field of SEARCH_FIELDS) {
    const value = filters[field]?.trim();
    if (value && !(field === "page" && value === "1")) query[field] = value;
  }
  return query;
}

/** `q=…&kind=…` with only the fields that are set; page 1 is the default and stays out of the address. */
export function searchQueryString(filters: Partial<SearchFilters>): string {
  return new URLSearchParams(searchQuery(filters)).toString();
}

/** The search page for these filters, in the pathname form `resolve()` takes (no leading slash). */
export function searchPathname(filters: Partial<SearchFilters>): string {
  const query = searchQueryString(filters);
  return query ? `szukaj?${query}` : "szukaj";
}

/** Backslashes (browsers read `/\\host` as `//host`) and control characters have no place in an app path. */
function hasSuspiciousCharacter(path: string): boolean {
  return [...path].some((char) => {
    const code = char.charCodeAt(0);
    return char === "\\" || code < 0x20 || code === 0x7f;
  });
}

/**
 * A hit's `url` (a path of this app, e.g. `/watki/<id>#wpis-<postId>`) in the pathname form, or null
 * when it is not a plain path on this site: the link is then not rendered rather than trusted.
 */
export function hitPathname(url: string): string | null {
  if (!url.startsWith("/") || url.startsWith("//") || hasSuspiciousCharacter(url)) return null;
  return url.slice(1);
}

/** How many result pages there are (the engine lets people page through at most `maxPages`). */
export function pageCount(total: number, pageSize: number, maxPages = 50): number {
  if (total <= 0 || pageSize <= 0) return 0;
  return Math.min(Math.ceil(total / pageSize), maxPages);
}

/** The page numbers to offer: first, last and a window around the current one; null marks a gap. */
export function pageWindow(current: number, count: number, around = 1): Array<number | null> {
  const pages: Array<number | null> = [];
  for (let number = 1; number <= count; number += 1) {
    const near = Math.abs(number - current) <= around;
    if (number === 1 || number === count || near) pages.push(number);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}
