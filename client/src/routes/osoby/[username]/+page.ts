import type { PageLoad } from "./$types";
import type { PersonView } from "@forum/shared/notifications";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, params, url }) =>
  loadFromApi(url, () => api.get<{ person: PersonView }>(`/people/${encodeURIComponent(params.username)}`, { fetch }));
