import type { PageLoad } from "./$types";
import type { FlagStatus } from "@forum/shared/schemas/flags";
import { FLAG_STATUSES } from "@forum/shared/schemas/flags";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const asked = url.searchParams.get("stan");
  const status: FlagStatus = FLAG_STATUSES.find((candidate) => candidate === asked) ?? "pending";
  const queue = await loadFromApi(url, () =>
    callEndpoint(endpoints.moderation.flags, { query: { status } }, { fetch }),
  );
  return { queue, status };
};
