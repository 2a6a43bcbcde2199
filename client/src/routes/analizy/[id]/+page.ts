import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, params, url }) =>
  loadFromApi(url, () => callEndpoint(endpoints.knowledge.analysis, { params: { id: params.id } }, { fetch }));
