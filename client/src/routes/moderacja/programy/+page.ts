import type { PageLoad } from "./$types";
import { endpoints } from "@forum/shared";
import { callEndpoint } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageProgramme } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageProgramme(url);
  return loadFromApi(url, () => callEndpoint(endpoints.programme.cohorts, {}, { fetch }));
};
