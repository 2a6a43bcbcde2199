import type { PageLoad } from "./$types";
import type { GroupSummary } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url }) => {
  const { groups } = await loadFromApi(url, () => api.get<{ groups: GroupSummary[] }>("/groups", { fetch }));
  return { groups };
};
