import { error, redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import { ApiRequestError, NETWORK_ERROR } from "./api";
import { loginTarget } from "./links";

/**
 * Runs an API call for a page's load function and turns failures into SvelteKit's own
 * flow: 401 sends the visitor to the login page (and back afterwards), anything else
 * shows the error page with the server's Polish message.
 */
export async function loadFromApi<T>(url: URL, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    if (cause instanceof ApiRequestError) {
      if (cause.status === 401) redirect(303, resolve(...loginTarget(url.pathname + url.search)));
      if (cause.code === NETWORK_ERROR) error(503, { message: "", code: NETWORK_ERROR });
      error(cause.status, { message: cause.message, code: cause.code });
    }
    throw cause;
  }
}
