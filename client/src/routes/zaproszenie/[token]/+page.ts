import { error } from "@sveltejs/kit";
import type { PageLoad } from "./$types";
import { api, ApiRequestError, NETWORK_ERROR } from "#lib/api.ts";

import type { InvitationPreview as DeclaredPreview } from "@forum/shared";

export type InvitationPreview = DeclaredPreview & { group: { name: string; slug?: string } };

/** An unknown, used or expired link is not an error page: the screen explains what to do. */
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const invitation = await api.get<InvitationPreview>(`/invitations/by-token/${encodeURIComponent(params.token)}`, {
      fetch,
    });
    return { invitation, invalidMessage: "" };
  } catch (cause) {
    if (cause instanceof ApiRequestError && cause.status === 404) {
      return { invitation: null, invalidMessage: cause.message };
    }
    if (cause instanceof ApiRequestError && cause.code !== NETWORK_ERROR) {
      error(cause.status, { message: cause.message, code: cause.code });
    }
    error(503, { message: "", code: NETWORK_ERROR });
  }
};
