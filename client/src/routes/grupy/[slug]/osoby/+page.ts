import type { PageLoad } from "./$types";
import { endpoints } from "@forum/shared";
import { callEndpoint } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params }) =>
  loadFromApi(url, () => callEndpoint(endpoints.programme.members, { params: { slug: params.slug } }, { fetch }));
