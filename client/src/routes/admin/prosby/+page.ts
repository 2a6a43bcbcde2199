import type { PageLoad } from "./$types";
import { endpoints } from "@forum/shared";
import { callEndpoint } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const { requests, groups, suggested } = await loadFromApi(url, () =>
    callEndpoint(endpoints.registration.accountRequests, {}, { fetch }),
  );
  return { requests, groups, suggested };
};
