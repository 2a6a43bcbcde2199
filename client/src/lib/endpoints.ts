import { pathOf, type AddressOf, type Endpoint, type RequestOf, type ResponseOf } from "@forum/shared/endpoints/index";
import { api } from "./api.ts";

export { endpoints, urlOf, type ResponseOf } from "@forum/shared/endpoints/index";

type CallOptions = NonNullable<Parameters<typeof api.get>[1]>;
type CallArgs<E extends Endpoint> =
  object extends RequestOf<E>
    ? [request?: RequestOf<E>, options?: CallOptions]
    : [request: RequestOf<E>, options?: CallOptions];

/**
 * Calls a declared endpoint (shared/src/endpoints) with its typed input, answering its typed body:
 * `callEndpoint(endpoints.threads.detail, { params: { id } })` for `api.get<ThreadDetail>(`/threads/${id}`)`.
 * Errors, CSRF and retries are `api`'s.
 */
export function callEndpoint<E extends Endpoint>(
  endpoint: E,
  ...[request, options]: CallArgs<E>
): Promise<ResponseOf<E>> {
  const address = (request ?? {}) as AddressOf<Endpoint>;
  const path = (pathOf as (declared: Endpoint, address: AddressOf<Endpoint>) => string)(endpoint, address);
  const body = (request as { body?: unknown } | undefined)?.body;
  switch (endpoint.method) {
    case "get":
      return api.get<ResponseOf<E>>(path, options);
    case "delete":
      return api.delete<ResponseOf<E>>(path, options);
    default:
      return api[endpoint.method]<ResponseOf<E>>(path, body, options);
  }
}
