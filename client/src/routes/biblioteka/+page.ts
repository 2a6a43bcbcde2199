import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { libraryAddressFrom, libraryApiQuery } from "#lib/library.ts";

/** The filters live in the address: a filtered library can be bookmarked, linked from the map, and back works. */
export const load: PageLoad = async ({ fetch, url }) => {
  const address = libraryAddressFrom(url.searchParams);
  const query = libraryApiQuery(address);
  const library = await loadFromApi(url, () => callEndpoint(endpoints.knowledge.library, { query }, { fetch }));
  return { address, library };
};
