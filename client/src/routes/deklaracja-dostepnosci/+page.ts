import type { PageLoad } from "./$types";
import type { SitePageResponse } from "@forum/shared/sitePages";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

/** Public: visitors read it before they have an account. */
export const load: PageLoad = async ({ fetch, url }) =>
  loadFromApi(url, () => api.get<SitePageResponse>("/pages/accessibility", { fetch }));
