import type { ApiError } from "@forum/shared/api";

/**
 * The one place the client talks HTTP to the API. Every request goes through `request`;
 * state-changing calls carry the session's CSRF token in `x-csrf-token`.
 */

/** A failed API call, carrying the server's Polish message and per-field messages. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The whole answer, for refusals that carry data (a minutes conflict sends the current minutes). */
    readonly payload: unknown = null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /** The server says the same request may work later unchanged (its database was away): keep what was typed. */
  get retryable(): boolean {
    return isApiError(this.payload) && this.payload.error.retryable === true;
  }
}

/** Code used when the server could not be reached at all (offline, server down). */
export const NETWORK_ERROR = "network_error";
/** The server's answer to a missing or stale CSRF token. */
export const CSRF_INVALID = "csrf_invalid";

type Fetch = typeof fetch;

interface RequestOptions {
  /** SvelteKit's `fetch` inside load functions; the global one elsewhere. */
  fetch?: Fetch;
  /** JSON-encoded unless it is FormData (file uploads: the browser sets the multipart boundary). */
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

/**
 * The CSRF token is bound to the session: fetched once per page load, and again after
 * sign-in or sign-out (the session changes) or when the server says it is stale.
 */
let csrfToken: Promise<string> | null = null;

export function forgetCsrfToken(): void {
  csrfToken = null;
}

/** The session's CSRF token (for the few calls that cannot go through `api`, e.g. uploads with progress). */
export function currentCsrfToken(): Promise<string> {
  csrfToken ??= (async () => {
    try {
      const { token } = await send<{ token: string }>("GET", "/auth/csrf", {});
      return token;
    } catch (cause) {
      // A server without CSRF protection (older build): send no token rather than nothing at all.
      if (cause instanceof ApiRequestError && cause.status === 404) return "";
      throw cause;
    }
  })().catch((cause: unknown) => {
    csrfToken = null;
    throw cause;
  });
  return csrfToken;
}

async function send<T>(method: string, path: string, options: RequestOptions, csrf?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const isForm = typeof FormData !== "undefined" && options.body instanceof FormData;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = isForm ? (options.body as FormData) : JSON.stringify(options.body);
    if (!isForm) headers["Content-Type"] = "application/json";
  }
  if (csrf) headers["x-csrf-token"] = csrf;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`/api${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body,
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
      throw new ApiRequestError(response.status, code, message, fields, payload);
    }
    throw new ApiRequestError(response.status, `http_${response.status}`, "");
  }
  return payload as T;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  if (!STATE_CHANGING.has(method)) return send<T>(method, path, options);
  try {
    return await send<T>(method, path, options, await currentCsrfToken());
  } catch (cause) {
    // A token from before a sign-in elsewhere or an expired session: fetch a fresh one, retry once.
    if (cause instanceof ApiRequestError && cause.status === 403 && cause.code === CSRF_INVALID) {
      forgetCsrfToken();
      return send<T>(method, path, options, await currentCsrfToken());
    }
    throw cause;
  }
}

type ReadOptions = Omit<RequestOptions, "body">;

export const api = {
  get: <T>(path: string, options?: ReadOptions) => request<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: ReadOptions) =>
    request<T>("POST", path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, options?: ReadOptions) =>
    request<T>("PUT", path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, options?: ReadOptions) =>
    request<T>("PATCH", path, { ...options, body: body ?? {} }),
  delete: <T>(path: string, options?: ReadOptions) => request<T>("DELETE", path, options),
};
