import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params }) =>
  loadFromApi(url, () => callEndpoint(endpoints.knowledge.practiceVersions, { params: { id: params.id } }, { fetch }));
