import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url }) => {
  const [profile, { sessions }] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.account.profile, {}, { fetch })),
    loadFromApi(url, () => callEndpoint(endpoints.account.sessions, {}, { fetch })),
  ]);
  return { profile, sessions };
};
