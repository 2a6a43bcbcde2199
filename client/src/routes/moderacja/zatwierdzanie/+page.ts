import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const queue = await loadFromApi(url, () => callEndpoint(endpoints.moderation.approvals, {}, { fetch }));
  return { queue };
};
