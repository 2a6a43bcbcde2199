import type { PageLoad } from "./$types";
import type { PracticeResponse } from "@forum/shared/practices";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params }) =>
  loadFromApi(url, () => api.get<PracticeResponse>(`/practices/${encodeURIComponent(params.id)}`, { fetch }));
