import { get } from "svelte/store";
import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { abilities } from "#lib/session.ts";

export const load: PageLoad = async ({ fetch, params, url, parent }) => {
  await parent();
  const address = { params: { username: params.username } };
  const { person } = await loadFromApi(url, () => callEndpoint(endpoints.network.person, address, { fetch }));
  // Moderators also get the person's moderation state, notes and history.
  const moderation = get(abilities)?.manageUsers
    ? (await callEndpoint(endpoints.moderation.person, address, { fetch })).moderation
    : null;
  return { person, moderation };
};
