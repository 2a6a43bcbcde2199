import type { PageLoad } from "./$types";
import type { CategorySummary } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url }) =>
  loadFromApi(url, () => api.get<{ categories: CategorySummary[] }>("/network/categories", { fetch }));
