import type { PageLoad } from "./$types";
import type { AnalysisView } from "@forum/shared/analyses";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, params, url }) =>
  loadFromApi(url, () => api.get<{ analysis: AnalysisView }>(`/analyses/${params.id}`, { fetch }));
