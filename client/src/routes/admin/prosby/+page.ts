import type { PageLoad } from "./$types";
import type { AdminUserView } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageUsers } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageUsers(url);
  const { requests } = await loadFromApi(url, () =>
    api.get<{ requests: AdminUserView[] }>("/account-requests", { fetch }),
  );
  return { requests };
};
