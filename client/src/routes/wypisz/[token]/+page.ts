import { error } from "@sveltejs/kit";
import type { PageLoad } from "./$types";
import { ApiRequestError, NETWORK_ERROR } from "#lib/api.ts";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";

/** A forged or broken link is not an error page: the screen says so. No sign-in needed. */
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const view = await callEndpoint(endpoints.account.unsubscribePage, { params: { token: params.token } }, { fetch });
    return { view, invalidMessage: "" };
  } catch (cause) {
    if (cause instanceof ApiRequestError && cause.status === 404) return { view: null, invalidMessage: cause.message };
    if (cause instanceof ApiRequestError && cause.code !== NETWORK_ERROR) {
      error(cause.status, { message: cause.message, code: cause.code });
    }
    error(503, { message: "", code: NETWORK_ERROR });
  }
};
