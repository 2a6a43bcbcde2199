import { get } from "svelte/store";
import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";
import { abilities } from "#lib/session.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  // Administrators also see what is missing before going live.
  const [dashboard, launch] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.moderation.dashboard, {}, { fetch })),
    get(abilities)?.launchChecklist
      ? loadFromApi(url, () => callEndpoint(endpoints.admin.launchChecklist, {}, { fetch }))
      : null,
  ]);
  return { dashboard, launch };
};
