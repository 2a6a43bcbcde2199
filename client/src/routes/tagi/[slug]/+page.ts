import type { PageLoad } from "./$types";
import type { TagPage } from "@forum/shared/tags";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, params }) => ({
  page: await loadFromApi(url, () => api.get<TagPage>(`/tags/${encodeURIComponent(params.slug)}`, { fetch })),
});
