import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { UNREAD_DEPENDENCY } from "#lib/activity.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params, depends }) => {
  depends(UNREAD_DEPENDENCY);
  return loadFromApi(url, () =>
    callEndpoint(endpoints.threads.categoryThreads, { params: { id: params.id } }, { fetch }),
  );
};
