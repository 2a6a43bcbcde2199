import type { PageLoad } from "./$types";
import type { GroupSummary, NetworkOverview } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { user } = await parent();
  const [network, myGroups] = await Promise.all([
    loadFromApi(url, () => api.get<NetworkOverview>("/network", { fetch })),
    user
      ? api
          .get<{ groups: GroupSummary[] }>("/groups", { fetch })
          .then((response) => response.groups)
          .catch(() => [] as GroupSummary[])
      : Promise.resolve(null),
  ]);
  return { network, myGroups };
};
