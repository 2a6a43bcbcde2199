import { z } from "zod";

/**
 * One declaration per HTTP endpoint, shared by the server (which registers its handler only through
 * it, parses the request with its schemas and answers 401 for `signedIn` ones), the OpenAPI document
 * (built from the list), the access matrix (one row per declaration) and the client (typed paths,
 * inputs and answers). See `shared/src/endpoints/index.ts` for the list and README "Architektura".
 */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Where the JSON API is mounted; declared paths are relative to it, as Express sees them. */
export const API_BASE = "/api";

/** What a successful answer carries: a JSON body, nothing (204), or a file of some kind. */
export type ResponseKind = "json" | "none" | "csv" | "xlsx" | "pdf" | "calendar" | "image" | "zip" | "metrics";
export type FileKind = Exclude<ResponseKind, "json" | "none">;

/** The answer's kind and, as a type only, its body (a zod schema too where the shared code has one). */
export interface ResponseDeclaration<Body = unknown, Kind extends ResponseKind = ResponseKind> {
  readonly kind: Kind;
  readonly schema?: z.ZodType;
  /** Never set: carries the body's TypeScript type to `ResponseOf`. */
  readonly __body?: () => Body;
}

/** A JSON answer typed `Body`; pass the zod schema when there is one (it is then documented too). */
export function json<Body>(schema?: z.ZodType<Body>): ResponseDeclaration<Body, "json"> {
  return schema ? { kind: "json", schema } : { kind: "json" };
}

/** 204 without a body. */
export const noContent = (): ResponseDeclaration<void, "none"> => ({ kind: "none" });

/** A file (CSV, XLSX, PDF, iCalendar, an image, a ZIP archive, Prometheus text) the handler sends itself. */
export const file = <Kind extends FileKind>(kind: Kind): ResponseDeclaration<Blob, Kind> => ({ kind });

/**
 * Path segments that name something: a value that cannot name anything is answered 404, exactly like a
 * name that names nothing. Other path schemas answer a bad value 400 with the schema's Polish message.
 */
const lookupSchemas = new WeakSet<z.ZodType>();
export function lookup<Schema extends z.ZodType>(schema: Schema): Schema {
  const copy = schema.clone() as Schema;
  lookupSchemas.add(copy);
  return copy;
}
export const isLookup = (schema: z.ZodType): boolean => lookupSchemas.has(schema);

export const OBJECT_ID_PATTERN = /^[0-9a-fA-F]{24}$/;
/** A database id in the path (`:id`): the server hands the handler a parsed ObjectId. */
export const objectId = lookup(z.string().regex(OBJECT_ID_PATTERN).brand<"ObjectId">());

export interface EndpointSpec {
  readonly method: HttpMethod;
  /** The Express path under /api (or under the site root with `root`), e.g. `/threads/:id/posts`. */
  readonly path: string;
  /** One line in Polish, shown in the API description. */
  readonly summary: string;
  /** Whether a visitor (or a suspended person) is answered 401 before anything else. */
  readonly signedIn: boolean;
  /** Schemas of path parameters by name; an undeclared one is a plain string. */
  readonly params?: Readonly<Record<string, z.ZodType>>;
  readonly query?: z.ZodType;
  /** The JSON body, parsed with this schema (unknown fields dropped, a bad one answered 400). */
  readonly body?: z.ZodType;
  /** The body may be left out altogether (it is then parsed as `{}`). */
  readonly bodyOptional?: true;
  /** A multipart body with one file in the named field, parsed by the handler. */
  readonly upload?: string;
  /** The success status when not 200 (204 comes with `noContent()`). */
  readonly status?: 200 | 201 | 202;
  readonly response: ResponseDeclaration<unknown, ResponseKind>;
  /** Set, with the reason, for operations a fuzzer must not call with its one session. */
  readonly notFuzzed?: string;
  /** Mounted at the site root instead of /api, and not part of the JSON API's description. */
  readonly root?: true;
}

export interface Endpoint extends EndpointSpec {
  /** The section of the API description (Polish), set by `defineEndpoints`. */
  readonly tag: string;
}

/** One area's endpoints, each stamped with the area's section of the API description. */
export function defineEndpoints<const Specs extends Record<string, EndpointSpec>>(
  tag: string,
  specs: Specs,
): { readonly [Name in keyof Specs]: Specs[Name] & { readonly tag: string } } {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, tag }])) as {
    [Name in keyof Specs]: Specs[Name] & { tag: string };
  };
}

type ParamBase<Name extends string> = Name extends `${infer Base}.${string}` ? Base : Name;
/** The names of a path's parameters: `"/a/:id/b/:slug.ics"` → `"id" | "slug"`. */
export type PathParamName<Path extends string> = Path extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? ParamBase<Name> | PathParamName<Tail>
    : ParamBase<Rest>
  : never;

type ParamSchema<E extends EndpointSpec, Name extends string> = E extends {
  params: { readonly [Key in Name]: infer Schema extends z.ZodType };
}
  ? Schema
  : null;

/** Path parameters as a client gives them. */
export type PathParams<E extends EndpointSpec> = {
  [Name in PathParamName<E["path"]>]: ParamSchema<E, Name> extends z.ZodType ? z.input<ParamSchema<E, Name>> : string;
};
/** Path parameters as the schemas parse them. */
export type ParsedPathParams<E extends EndpointSpec> = {
  [Name in PathParamName<E["path"]>]: ParamSchema<E, Name> extends z.ZodType ? z.output<ParamSchema<E, Name>> : string;
};

export type QueryOf<E extends EndpointSpec> = E extends { query: infer Query extends z.ZodType }
  ? z.input<Query>
  : never;
export type ParsedQueryOf<E extends EndpointSpec> = E extends { query: infer Query extends z.ZodType }
  ? z.output<Query>
  : never;
export type BodyOf<E extends EndpointSpec> = E extends { body: infer Body extends z.ZodType }
  ? z.input<Body>
  : E extends { upload: string }
    ? FormData
    : never;
export type ParsedBodyOf<E extends EndpointSpec> = E extends { body: infer Body extends z.ZodType }
  ? z.output<Body>
  : never;
/** The body of a successful answer (`void` for 204, `Blob` for files). */
export type ResponseOf<E extends EndpointSpec> = E["response"] extends ResponseDeclaration<infer Body> ? Body : never;

type HasParams<E extends EndpointSpec> = [PathParamName<E["path"]>] extends [never] ? false : true;

/** Everything a client sends to an endpoint: `{ params, query, body }`, each only where declared. */
export type RequestOf<E extends EndpointSpec> = (HasParams<E> extends true
  ? { params: PathParams<E> }
  : { params?: undefined }) &
  (E extends { query: z.ZodType } ? { query?: QueryOf<E> } : { query?: undefined }) &
  (E extends { body: z.ZodType } | { upload: string }
    ? E extends { bodyOptional: true }
      ? { body?: BodyOf<E> }
      : { body: BodyOf<E> }
    : { body?: undefined });

/** The part of a request that makes its address. */
export type AddressOf<E extends EndpointSpec> = Pick<RequestOf<E>, "params" | "query">;
type AddressArgs<E extends EndpointSpec> =
  HasParams<E> extends true ? [address: AddressOf<E>] : [address?: AddressOf<E>];

/** `?a=1&b=x` from a query object (undefined and null values left out), or "" when nothing is left. */
export function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(name, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The endpoint's path under the API base with its parameters filled in (and the query, if given):
 * `pathOf(endpoints.threads.posts, { params: { id }, query: { after: 5 } })` → `/threads/…/posts?after=5`.
 */
export function pathOf<E extends EndpointSpec>(endpoint: E, ...[address]: AddressArgs<E>): string {
  const params = (address?.params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === "")
      throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  return `${path}${queryString(address?.query as Record<string, unknown> | undefined)}`;
}

/** The address from the site root: `/api/threads/…` (for links, downloads and tests). */
export function urlOf<E extends EndpointSpec>(endpoint: E, ...address: AddressArgs<E>): string {
  return `${endpoint.root ? "" : API_BASE}${pathOf(endpoint, ...address)}`;
}
