import type { PathTarget } from "./links";
import { hitPathname, searchPathname, type SearchFilters } from "./searchAddress";

export {
  pageCount,
  pageWindow,
  searchFiltersFrom,
  searchQuery,
  searchQueryString,
  type SearchFilters,
} from "./searchAddress";

// Both paths below are checked to be paths of this site (see searchAddress.ts), which is what the Path type describes.

/** The search page for these filters, for `resolve(...searchTarget(filters))`. */
export function searchTarget(filters: Partial<SearchFilters>): PathTarget {
  return [searchPathname(filters)] as PathTarget;
}

/** A hit's link for `resolve(...)`, or null when its `url` is not a plain path of this site. */
export function hitTarget(url: string): PathTarget | null {
  const pathname = hitPathname(url);
  return pathname === null ? null : ([pathname] as PathTarget);
}
