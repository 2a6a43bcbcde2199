import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

/** The page's query keys (Polish, as in the library) → the API's. */
const FILTERS = {
  q: "q",
  wojewodztwo: "voivodeship",
  typ: "jstType",
  tag: "tag",
  grupa: "group",
  strona: "page",
} as const;
export type LeaderFilters = Record<keyof typeof FILTERS, string>;

/** The filters live in the address, so a filtered directory can be bookmarked, shared and survives a reload. */
export const load: PageLoad = async ({ fetch, url }) => {
  const filters = Object.fromEntries(
    Object.keys(FILTERS).map((key) => [key, url.searchParams.get(key) ?? ""]),
  ) as LeaderFilters;
  // Only the filters that are set, under the API's names.
  const apiQuery = Object.fromEntries(
    Object.entries(FILTERS)
      .map(([key, apiKey]) => [apiKey, filters[key as keyof LeaderFilters]])
      .filter(([, value]) => value),
  );
  const [page, overview, map, taxonomy] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.network.leaders, { query: apiQuery }, { fetch })),
    loadFromApi(url, () => callEndpoint(endpoints.network.overview, {}, { fetch })),
    // Only for the voivodeships' names in the filter (the server keeps the map in memory).
    callEndpoint(endpoints.network.map, {}, { fetch }).catch(() => null),
    callEndpoint(endpoints.tags.taxonomy, {}, { fetch }).catch(() => ({ tagGroups: [] })),
  ]);
  const voivodeships = (map?.regions ?? [])
    .map((region) => ({ code: region.code, name: region.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "pl"));
  return { filters, page, groups: overview.groups, voivodeships, tagGroups: taxonomy.tagGroups };
};
