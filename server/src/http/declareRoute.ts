import type { Request, Response, Router } from "express";
import mongoose from "mongoose";
import type { z } from "zod";
import {
  isLookup,
  objectId,
  type Endpoint,
  type ParsedBodyOf,
  type ParsedPathParams,
  type ParsedQueryOf,
  type ResponseOf,
} from "@forum/shared";
import { notFound, unauthorized } from "../errors/AppError.js";
import type { Actor } from "../policies/actor.js";
import type { RequestContext } from "../requestContext.js";
import { parseInput } from "./validation.js";

/**
 * The only way a route is registered: `route(router, endpoints.threads.detail, handler)`. From the
 * shared declaration it answers 401 to visitors on `signedIn` endpoints, parses the path parameters
 * (a malformed id is "not found"), and hands the handler the typed input, the actor and the request
 * context. The body and the query are parsed when the handler asks (`body()`, `query()`), so a
 * handler still refuses what the person may not touch (404/403) before it judges their input (400).
 */

/** Marks a registered handler with its declaration, so a test can check every route is declared. */
export const DECLARED_ENDPOINT = Symbol("declaredEndpoint");

type ServerParam<Value> = Value extends z.core.$brand<"ObjectId"> ? mongoose.Types.ObjectId : Value;
export type RouteParams<E extends Endpoint> = {
  [Name in keyof ParsedPathParams<E>]: ServerParam<ParsedPathParams<E>[Name]>;
};

type SignedInOnly<E extends Endpoint, Yes, No> = E["signedIn"] extends true ? Yes : No;

export type RouteInput<E extends Endpoint> = {
  params: RouteParams<E>;
  /** The signed-in person with their group roles (never null on `signedIn` endpoints). */
  actor: SignedInOnly<E, Actor, Actor | null>;
  /** Their user document, as the session loaded it. */
  user: SignedInOnly<E, Express.User, Express.User | null>;
  context: RequestContext;
} & (E extends { query: z.ZodType } ? { query: () => ParsedQueryOf<E> } : unknown) &
  (E extends { body: z.ZodType } ? { body: () => ParsedBodyOf<E> } : unknown);

/**
 * The input of a signed-in endpoint whose path names one thing by id, for helpers several handlers share
 * (`moderatedThread(input, "pin")`): what `route()` hands such a handler, minus its body and query.
 */
export interface SignedInRequest<Params = { id: mongoose.Types.ObjectId }> {
  actor: Actor;
  user: Express.User;
  params: Params;
  context: RequestContext;
}

/** The handler answered through `res` itself (a file, a stream, or a body its declaration does not type). */
export interface Answered {
  readonly answered: true;
}
const ANSWERED: Answered = Object.freeze({ answered: true });
export const sent = (_answer?: unknown): Answered => ANSWERED;

/** A JSON answer with another success status than the declared one (e.g. 200 for a retried create). */
export class WithStatus<Body> {
  constructor(
    readonly status: number,
    readonly body: Body,
  ) {}
}
export const withStatus = <Body>(status: 200 | 201 | 202 | 503, body: Body): WithStatus<Body> =>
  new WithStatus(status, body);

type HandlerResult<E extends Endpoint> = E["response"]["kind"] extends "json"
  ? ResponseOf<E> | WithStatus<ResponseOf<E>> | Answered
  : E["response"]["kind"] extends "none"
    ? void | Answered
    : Answered;

export type RouteHandler<E extends Endpoint> = (
  input: RouteInput<E>,
  req: Request,
  res: Response,
) => Promise<HandlerResult<E>> | HandlerResult<E>;

function parseParams(endpoint: Endpoint, raw: Record<string, unknown>): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const schema = endpoint.params?.[name];
    if (!schema) {
      parsed[name] = value;
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) throw isLookup(schema) ? notFound() : result.error;
    parsed[name] = schema === objectId ? new mongoose.Types.ObjectId(String(value)) : result.data;
  }
  return parsed;
}

/** Parses once, on the first call. */
function lazily<Value>(parse: () => Value): () => Value {
  let parsed: { value: Value } | undefined;
  return () => (parsed ??= { value: parse() }).value;
}

function answer(res: Response, endpoint: Endpoint, result: unknown): void {
  if (result === ANSWERED) return;
  if (endpoint.response.kind === "none") {
    if (!res.headersSent) res.status(204).end();
    return;
  }
  if (endpoint.response.kind !== "json")
    throw new Error(`${endpoint.method} ${endpoint.path}: a file handler must answer through res and return sent()`);
  if (result instanceof WithStatus) res.status(result.status).json(result.body);
  else res.status(endpoint.status ?? 200).json(result);
}

export function route<const E extends Endpoint>(router: Router, endpoint: E, handler: RouteHandler<E>): void {
  const { query, body } = endpoint;
  const handle = async (req: Request, res: Response): Promise<void> => {
    if (endpoint.signedIn && (!req.actor || !req.user)) throw unauthorized();
    const input = {
      params: parseParams(endpoint, req.params),
      actor: req.actor,
      user: req.user ?? null,
      context: req.context,
      ...(query ? { query: lazily(() => parseInput(query, req.query)) } : {}),
      ...(body ? { body: lazily(() => parseInput(body, endpoint.bodyOptional ? (req.body ?? {}) : req.body)) } : {}),
    };
    answer(res, endpoint, await handler(input as RouteInput<E>, req, res));
  };
  Object.defineProperty(handle, DECLARED_ENDPOINT, { value: endpoint });
  router[endpoint.method](endpoint.path, handle);
}

/** The declaration a registered handler was made from (undefined for anything registered by hand). */
export const declarationOf = (handler: unknown): Endpoint | undefined =>
  typeof handler === "function" ? (handler as { [DECLARED_ENDPOINT]?: Endpoint })[DECLARED_ENDPOINT] : undefined;
