import { redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, params }) => {
  const detail = await loadFromApi(url, () =>
    callEndpoint(endpoints.threads.detail, { params: { id: params.id } }, { fetch }),
  );
  // A thread merged into another: its address leads to that one.
  if ("redirect" in detail) redirect(307, resolve("/watki/[id]", { id: encodeURIComponent(detail.redirect.threadId) }));
  return detail;
};
