import type { PageLoad } from "./$types";
import type { SearchResults } from "@forum/shared/search";
import { searchQuerySchema } from "@forum/shared/schemas/search";
import { ApiRequestError, NETWORK_ERROR } from "#lib/api.ts";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { searchFiltersFrom, searchQuery, type SearchFilters } from "#lib/search.ts";
import { fieldErrors } from "#lib/validation.ts";

/** What the page shows under the form. */
export type SearchOutcome =
  | { state: "idle" }
  | { state: "results"; results: SearchResults }
  /** The query or a filter is wrong: the messages go next to the fields. */
  | { state: "invalid"; errors: Record<string, string>; message: string }
  /** A visitor asked and the server answers only signed-in people. */
  | { state: "signInRequired" }
  | { state: "failed"; code: string; message: string };

async function runSearch(filters: SearchFilters, fetch: typeof globalThis.fetch): Promise<SearchOutcome> {
  // The same schema as the server's: a mistake is shown without a round trip, with the same words.
  const checked = searchQuerySchema.safeParse(
    Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "")),
  );
  if (!checked.success) return { state: "invalid", errors: fieldErrors(checked.error), message: "" };
  try {
    // The address's own values (the same text the address shows), with the checked query and kind.
    const query = { ...searchQuery(filters), q: checked.data.q, kind: checked.data.kind };
    const results = await callEndpoint(endpoints.knowledge.search, { query }, { fetch });
    return { state: "results", results };
  } catch (cause) {
    if (!(cause instanceof ApiRequestError)) throw cause;
    if (cause.status === 401) return { state: "signInRequired" };
    if (cause.status === 400) return { state: "invalid", errors: cause.fields, message: cause.message };
    return { state: "failed", code: cause.code === NETWORK_ERROR ? NETWORK_ERROR : cause.code, message: cause.message };
  }
}

/** The whole search lives in the address (`/szukaj?q=…&kind=…`): shareable, and back/forward replay it. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { user } = await parent();
  const filters = searchFiltersFrom(url.searchParams);
  // The group and tag lists are for members; a visitor's search has no such filters to offer.
  const [outcome, groups, tagGroups] = await Promise.all([
    filters.q ? runSearch(filters, fetch) : Promise.resolve<SearchOutcome>({ state: "idle" }),
    user
      ? loadFromApi(url, () => callEndpoint(endpoints.network.groups, {}, { fetch })).then((list) => list.groups)
      : Promise.resolve([]),
    user
      ? loadFromApi(url, () => callEndpoint(endpoints.tags.taxonomy, {}, { fetch })).then(
          (taxonomy) => taxonomy.tagGroups,
        )
      : Promise.resolve([]),
  ]);
  return { filters, outcome, groups, tagGroups };
};
