import type { PageLoad } from "./$types";
import type { NetworkOverview, TagGroupView } from "@forum/shared/api";
import type { LeaderPage, NetworkMap } from "@forum/shared/network";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { queryString } from "#lib/forms.svelte.ts";

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
  const apiQuery = queryString(
    Object.fromEntries(Object.entries(FILTERS).map(([key, apiKey]) => [apiKey, filters[key as keyof LeaderFilters]])),
  );
  const [page, overview, map, taxonomy] = await Promise.all([
    loadFromApi(url, () => api.get<LeaderPage>(`/network/leaders${apiQuery ? `?${apiQuery}` : ""}`, { fetch })),
    loadFromApi(url, () => api.get<NetworkOverview>("/network", { fetch })),
    // Only for the voivodeships' names in the filter (the server keeps the map in memory).
    api.get<NetworkMap>("/network/map", { fetch }).catch(() => null),
    api.get<{ tagGroups: TagGroupView[] }>("/tags", { fetch }).catch(() => ({ tagGroups: [] })),
  ]);
  const voivodeships = (map?.regions ?? [])
    .map((region) => ({ code: region.code, name: region.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "pl"));
  return { filters, page, groups: overview.groups, voivodeships, tagGroups: taxonomy.tagGroups };
};
