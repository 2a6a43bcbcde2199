import type { PageLoad } from "./$types";
import { endpoints } from "@forum/shared";
import { callEndpoint } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { requireManageProgramme } from "#lib/adminGuard.ts";

/** The onboarding page: recent lists, and the one named by `?lista=` with its first page of rows. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  requireManageProgramme(url);
  const listId = url.searchParams.get("lista");
  const onlyProblems = url.searchParams.get("tylko") === "do-poprawy";
  const [{ imports }, programme, page] = await loadFromApi(url, () =>
    Promise.all([
      callEndpoint(endpoints.programme.imports, {}, { fetch }),
      callEndpoint(endpoints.programme.cohorts, {}, { fetch }),
      listId && /^[0-9a-f]{24}$/.test(listId)
        ? callEndpoint(
            endpoints.programme.importRows,
            { params: { id: listId }, query: onlyProblems ? { problems: "1" } : {} },
            { fetch },
          )
        : Promise.resolve(null),
    ]),
  );
  return { imports, cohorts: programme.cohorts, groups: programme.groups, page, onlyProblems };
};
