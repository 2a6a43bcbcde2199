import type { PageLoad } from "./$types";
import type { NotificationPage } from "@forum/shared/notifications";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url }) => ({
  page: await loadFromApi(url, () => api.get<NotificationPage>("/notifications", { fetch })),
});
