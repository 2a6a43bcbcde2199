import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

/** Public: visitors read it before they have an account. */
export const load: PageLoad = async ({ fetch, url }) =>
  loadFromApi(url, () => callEndpoint(endpoints.admin.page, { params: { slug: "accessibility" } }, { fetch }));
