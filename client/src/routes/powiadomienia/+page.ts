import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url }) => ({
  page: await loadFromApi(url, () => callEndpoint(endpoints.notifications.list, {}, { fetch })),
});
