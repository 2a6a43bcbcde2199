import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

const FILTERS = ["actor", "action", "from", "to"] as const;
export type AuditFilters = Record<(typeof FILTERS)[number], string>;

/** The filter lives in the address: a filtered log can be bookmarked, and the CSV link follows it. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const filters = Object.fromEntries(FILTERS.map((key) => [key, url.searchParams.get(key) ?? ""])) as AuditFilters;
  const query: Partial<AuditFilters> = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ""));
  const [page, { actors }] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.moderation.audit, { query }, { fetch })),
    loadFromApi(url, () => callEndpoint(endpoints.moderation.auditActors, {}, { fetch })),
  ]);
  return { filters, query, entries: page.entries, nextCursor: page.nextCursor, actors };
};
