import type { PageLoad } from "./$types";
import type { MeetingView } from "@forum/shared/meetings";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params }) =>
  loadFromApi(url, () => api.get<{ meeting: MeetingView }>(`/meetings/${encodeURIComponent(params.id)}`, { fetch }));
