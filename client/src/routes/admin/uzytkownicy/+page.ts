import type { PageLoad } from "./$types";
import type { QueryOf } from "@forum/shared/endpoints/index";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

const FILTERS = ["q", "role", "status", "group"] as const;
export type UserFilters = Record<(typeof FILTERS)[number], string>;

/** The filters live in the address, so a filtered list can be bookmarked and survives a reload. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const filters = Object.fromEntries(FILTERS.map((key) => [key, url.searchParams.get(key) ?? ""])) as UserFilters;
  // The filters that are set, as the address gives them: the server answers an unknown role or status 400.
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "")) as QueryOf<
    typeof endpoints.admin.users
  >;
  const [page, { groups }] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.admin.users, { query }, { fetch })),
    loadFromApi(url, () => callEndpoint(endpoints.network.groups, {}, { fetch })),
  ]);
  return {
    filters,
    query,
    users: page.users,
    nextCursor: page.nextCursor,
    total: page.total,
    groups,
  };
};
