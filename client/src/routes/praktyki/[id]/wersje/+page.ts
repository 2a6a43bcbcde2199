import type { PageLoad } from "./$types";
import type { PracticeVersionsView } from "@forum/shared/practices";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params }) =>
  loadFromApi(url, () =>
    api.get<PracticeVersionsView>(`/practices/${encodeURIComponent(params.id)}/versions`, { fetch }),
  );
