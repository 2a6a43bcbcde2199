import type { PageLoad } from "./$types";
import type { TagOverview } from "@forum/shared/tags";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url }) => ({
  overview: await loadFromApi(url, () => api.get<TagOverview>("/tag-groups", { fetch })),
});
