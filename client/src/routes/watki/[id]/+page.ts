import { redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import type { PageLoad } from "./$types";
import type { ThreadDetail } from "@forum/shared/api";
import type { ThreadRedirect } from "@forum/shared/schemas/threadRestructure";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, params }) => {
  const detail = await loadFromApi(url, () =>
    api.get<ThreadDetail | ThreadRedirect>(`/threads/${encodeURIComponent(params.id)}`, { fetch }),
  );
  // A thread merged into another: its address leads to that one.
  if ("redirect" in detail) redirect(307, resolve("/watki/[id]", { id: encodeURIComponent(detail.redirect.threadId) }));
  return detail;
};
