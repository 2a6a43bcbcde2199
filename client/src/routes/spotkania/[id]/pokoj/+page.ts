import { redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import type { PageLoad } from "./$types";
import { loginTarget } from "#lib/links.ts";

/** The room itself arrives over the live connection (a snapshot on joining); only who is asking is needed here. */
export const load: PageLoad = async ({ parent, params, url }) => {
  const { user } = await parent();
  if (!user) redirect(303, resolve(...loginTarget(url.pathname)));
  return { meetingId: params.id, user };
};
