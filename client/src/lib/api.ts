import type { ApiError } from "@forum/shared/api";

/**
 * The one place the client talks HTTP to the API. Every request goes through `request`,
 * so adding a header to all state-changing calls (e.g. a CSRF token) is a one-line change.
 */

/** A failed API call, carrying the server's Polish message and per-field messages. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Code used when the server could not be reached at all (offline, server down). */
export const NETWORK_ERROR = "network_error";

type Fetch = typeof fetch;

interface RequestOptions {
  /** SvelteKit's `fetch` inside load functions; the global one elsewhere. */
  fetch?: Fetch;
  body?: unknown;
  signal?: AbortSignal;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ApiError).error?.message === "string"
  );
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (STATE_CHANGING.has(method)) {
    headers["Content-Type"] = "application/json";
  }

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`/api${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiRequestError(0, NETWORK_ERROR, "");
  }

  if (response.status === 204) return undefined as T;

  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiError(payload)) {
      const { code, message, fields } = payload.error;
      throw new ApiRequestError(response.status, code, message, fields);
    }
    throw new ApiRequestError(response.status, `http_${response.status}`, "");
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, "body">) => request<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, "body">) =>
    request<T>("POST", path, { ...options, body: body ?? {} }),
};
