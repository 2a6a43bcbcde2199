import type { PageLoad } from "./$types";
import type { PracticeListsView } from "@forum/shared/practices";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url }) =>
  loadFromApi(url, () => api.get<PracticeListsView>("/practices", { fetch }));
