import { error, redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import { get } from "svelte/store";
import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loginTarget } from "#lib/links.ts";
import { loadFromApi } from "#lib/load.ts";
import { abilities, currentUser } from "#lib/session.ts";
import { slugOfPath } from "#lib/sitePages.ts";

/** Admins only: a visitor signs in first, anyone else sees "Brak dostępu" (the API would refuse the save). */
export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  await parent();
  const slug = slugOfPath(params.slug);
  if (!slug) error(404, { message: "", code: "not_found" });
  if (!get(currentUser)) redirect(303, resolve(...loginTarget(url.pathname)));
  if (!get(abilities)?.editSitePages) error(403, { message: "", code: "forbidden" });
  const { page } = await loadFromApi(url, () => callEndpoint(endpoints.admin.page, { params: { slug } }, { fetch }));
  return { page, path: params.slug };
};
