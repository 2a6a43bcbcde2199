import type { PageLoad } from "./$types";
import type { FlagQueue, FlagStatus } from "@forum/shared/schemas/flags";
import { FLAG_STATUSES } from "@forum/shared/schemas/flags";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const asked = url.searchParams.get("stan");
  const status: FlagStatus = FLAG_STATUSES.find((candidate) => candidate === asked) ?? "pending";
  const queue = await loadFromApi(url, () =>
    api.get<FlagQueue>(`/moderation/flags?status=${encodeURIComponent(status)}`, { fetch }),
  );
  return { queue, status };
};
