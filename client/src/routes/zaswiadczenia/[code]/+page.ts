import { error } from "@sveltejs/kit";
import type { PageLoad } from "./$types";
import { ApiRequestError, NETWORK_ERROR } from "#lib/api.ts";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";

/** A code that names no certificate is not an error page: the screen says so and offers the form again. */
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const { certificate } = await callEndpoint(
      endpoints.meetingDocuments.verifyCertificate,
      { params: { code: params.code } },
      { fetch },
    );
    return { certificate, notFoundMessage: "" };
  } catch (cause) {
    if (cause instanceof ApiRequestError && cause.status === 404) {
      return { certificate: null, notFoundMessage: cause.message };
    }
    if (cause instanceof ApiRequestError && cause.code !== NETWORK_ERROR) {
      error(cause.status, { message: cause.message, code: cause.code });
    }
    error(503, { message: "", code: NETWORK_ERROR });
  }
};
