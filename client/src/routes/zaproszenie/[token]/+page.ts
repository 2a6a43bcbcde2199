import { error } from "@sveltejs/kit";
import type { PageLoad } from "./$types";
import { ApiRequestError, NETWORK_ERROR } from "#lib/api.ts";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";

/** An unknown, used or expired link is not an error page: the screen explains what to do. */
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const invitation = await callEndpoint(
      endpoints.registration.invitation,
      { params: { token: params.token } },
      { fetch },
    );
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
