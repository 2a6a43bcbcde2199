import type { PageLoad } from "./$types";
import type { AdminUserPage, GroupSummary } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

const FILTERS = ["q", "role", "status", "group"] as const;
export type UserFilters = Record<(typeof FILTERS)[number], string>;

/** The filters live in the address, so a filtered list can be bookmarked and survives a reload. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const filters = Object.fromEntries(FILTERS.map((key) => [key, url.searchParams.get(key) ?? ""])) as UserFilters;
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
  const [page, { groups }] = await Promise.all([
    loadFromApi(url, () => api.get<AdminUserPage>(`/admin/users?${query}`, { fetch })),
    loadFromApi(url, () => api.get<{ groups: GroupSummary[] }>("/groups", { fetch })),
  ]);
  return {
    filters,
    query: query.toString(),
    users: page.users,
    nextCursor: page.nextCursor,
    total: page.total,
    groups,
  };
};
