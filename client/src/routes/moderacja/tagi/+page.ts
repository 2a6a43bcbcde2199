import { error, redirect } from "@sveltejs/kit";
import { get } from "svelte/store";
import { resolve } from "$app/paths";
import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loginTarget } from "#lib/links.ts";
import { loadFromApi } from "#lib/load.ts";
import { currentUser } from "#lib/session.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent();
  if (!get(currentUser)) redirect(303, resolve(...loginTarget(url.pathname + url.search)));
  const overview = await loadFromApi(url, () => callEndpoint(endpoints.tags.overview, {}, { fetch }));
  // The server refuses the tools to others anyway; say "Brak dostępu" rather than show buttons that fail.
  if (!overview.canManage) error(403, { message: "", code: "forbidden" });
  return { overview };
};
