import { get } from "svelte/store";
import type { PageLoad } from "./$types";
import { endpoints } from "@forum/shared/endpoints/index";
import type { ModerationDashboard } from "@forum/shared/moderation";
import { api } from "#lib/api.ts";
import { callEndpoint } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";
import { abilities } from "#lib/session.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  // Administrators also see what is missing before going live.
  const [dashboard, launch] = await Promise.all([
    loadFromApi(url, () => api.get<ModerationDashboard>("/moderation/dashboard", { fetch })),
    get(abilities)?.launchChecklist
      ? loadFromApi(url, () => callEndpoint(endpoints.admin.launchChecklist, {}, { fetch }))
      : null,
  ]);
  return { dashboard, launch };
};
