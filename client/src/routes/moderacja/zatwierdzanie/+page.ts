import type { PageLoad } from "./$types";
import type { ApprovalQueue } from "@forum/shared/schemas/people";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const queue = await loadFromApi(url, () => api.get<ApprovalQueue>("/moderation/approvals", { fetch }));
  return { queue };
};
