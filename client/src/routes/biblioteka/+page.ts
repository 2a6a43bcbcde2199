import type { PageLoad } from "./$types";
import type { LibraryView } from "@forum/shared/analyses";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { libraryAddressFrom, libraryApiQuery } from "#lib/library.ts";

/** The filters live in the address: a filtered library can be bookmarked, linked from the map, and back works. */
export const load: PageLoad = async ({ fetch, url }) => {
  const address = libraryAddressFrom(url.searchParams);
  const query = libraryApiQuery(address);
  const library = await loadFromApi(url, () => api.get<LibraryView>(`/library${query ? `?${query}` : ""}`, { fetch }));
  return { address, library };
};
