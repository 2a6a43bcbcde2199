import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageProgramme } from "#lib/adminGuard.ts";

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  await parent();
  requireManageProgramme(url);
  return loadFromApi(url, () =>
    callEndpoint(endpoints.meetingDocuments.cohortReport, { params: { id: params.id } }, { fetch }),
  );
};
