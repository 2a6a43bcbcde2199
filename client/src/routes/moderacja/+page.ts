import type { PageLoad } from "./$types";
import type { ModerationDashboard } from "@forum/shared/moderation";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const dashboard = await loadFromApi(url, () => api.get<ModerationDashboard>("/moderation/dashboard", { fetch }));
  return { dashboard };
};
