import { z } from "zod";
import { endpointList, type Endpoint, type ResponseKind } from "@forum/shared";
import { SESSION_COOKIE } from "../infra/sessionStore.js";

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as zod writes it. */
type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

/** The statuses every operation may answer with one `ErrorResponse` (see errors/errorHandler.ts). */
const ERROR_RESPONSES: Record<string, string> = {
  "400": "Nieprawidłowe dane (komunikat po polsku, pola w `fields`).",
  "401": "Trzeba się zalogować.",
  "403": "Brak uprawnień (lub brak tokenu CSRF albo obce pochodzenie żądania).",
  "404": "Nie ma takiego zasobu albo osoba nie może go zobaczyć.",
  "409": "Konflikt ze stanem zasobu.",
  "413": "Przesłane dane są zbyt duże.",
  "429": "Zbyt wiele prób w krótkim czasie.",
  "503": "Baza danych jest chwilowo niedostępna.",
};

/**
 * The request as the route receives it: `io: "input"` describes what a client sends (before
 * defaults and transforms), and a refinement JSON Schema cannot say is left to the server's 400.
 */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
}

/** `/threads/:id/posts` → `/api/threads/{id}/posts`. */
export const openApiPath = (expressPath: string): string => `/api${expressPath.replace(/:(\w+)/g, "{$1}")}`;

export const operationId = ({ method, path }: Pick<Endpoint, "method" | "path">): string =>
  `${method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? "").toUpperCase())}`;

function parametersOf(operation: Endpoint): Parameter[] {
  const pathParameters = [...operation.path.matchAll(/:(\w+)/g)].map(([, name = ""]) => {
    const schema = operation.params?.[name];
    return { name, in: "path" as const, required: true, schema: schema ? jsonSchemaOf(schema) : { type: "string" } };
  });
  const query = operation.query ? jsonSchemaOf(operation.query) : { properties: {} };
  const required = new Set((query.required as string[] | undefined) ?? []);
  const queryParameters = Object.entries((query.properties ?? {}) as Record<string, JsonSchema>).map(
    ([name, schema]) => ({ name, in: "query" as const, required: required.has(name), schema }),
  );
  return [...pathParameters, ...queryParameters];
}

function requestBodyOf(operation: Endpoint) {
  if (operation.upload) {
    const field = operation.upload;
    return {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { [field]: { type: "string", format: "binary" } },
            required: [field],
          },
        },
      },
    };
  }
  if (!operation.body) return undefined;
  return {
    required: !operation.bodyOptional,
    content: { "application/json": { schema: jsonSchemaOf(operation.body) } },
  };
}

const SUCCESS_CONTENT: Record<ResponseKind, Record<string, { schema: JsonSchema }> | undefined> = {
  json: { "application/json": { schema: { type: "object" } } },
  none: undefined,
  csv: { "text/csv": { schema: { type: "string" } } },
  xlsx: {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
      schema: { type: "string", format: "binary" },
    },
  },
  pdf: { "application/pdf": { schema: { type: "string", format: "binary" } } },
  calendar: { "text/calendar": { schema: { type: "string" } } },
  image: { "image/*": { schema: { type: "string", format: "binary" } } },
  zip: { "application/zip": { schema: { type: "string", format: "binary" } } },
  metrics: { "text/plain": { schema: { type: "string" } } },
};

/** The answer's JSON Schema when the declaration carries a zod schema (as the server writes it), else its kind's. */
function successContentOf(operation: Endpoint) {
  const { kind, schema } = operation.response;
  if (kind === "json" && schema) {
    const { $schema: _dialect, ...described } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" });
    return { "application/json": { schema: described } };
  }
  return SUCCESS_CONTENT[kind];
}

function responsesOf(operation: Endpoint) {
  const content = successContentOf(operation);
  const success = { description: "Gotowe.", ...(content ? { content } : {}) };
  const errors = Object.fromEntries(
    Object.keys(ERROR_RESPONSES).map((status) => [status, { $ref: `#/components/responses/Error${status}` }]),
  );
  const status = operation.response.kind === "none" ? 204 : (operation.status ?? 200);
  return { [String(status)]: success, ...errors };
}

function operationObject(operation: Endpoint) {
  const requestBody = requestBodyOf(operation);
  return {
    operationId: operationId(operation),
    summary: operation.summary,
    tags: [operation.tag],
    security: operation.signedIn ? [{ session: [] }] : [],
    parameters: parametersOf(operation),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(operation),
    ...(operation.notFuzzed ? { "x-not-fuzzed": operation.notFuzzed } : {}),
  };
}

/** The endpoints the document describes: the JSON API under /api (not Prometheus' /metrics at the root). */
export const documentedEndpoints = (): Endpoint[] =>
  endpointList.map(({ endpoint }) => endpoint).filter((endpoint) => !endpoint.root);

/** The OpenAPI 3.1 document of the whole HTTP API, built from the shared endpoint declarations and their zod schemas. */
export function buildOpenApiDocument(operations: readonly Endpoint[] = documentedEndpoints()) {
  const paths: Record<string, Record<string, ReturnType<typeof operationObject>>> = {};
  for (const operation of operations) {
    (paths[openApiPath(operation.path)] ??= {})[operation.method] = operationObject(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Forum Współpracy JST — API",
      version: "1.0.0",
      description:
        "API forum. Zmiany stanu (POST, PUT, PATCH, DELETE) wymagają nagłówka `x-csrf-token` z `GET /api/auth/csrf`. " +
        "Błędy mają postać `{ error: { code, message, fields? } }` z komunikatem po polsku.",
    },
    paths,
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "Sesja po `POST /api/auth/login`.",
        },
      },
      schemas: {
        ErrorResponse: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          `Error${status}`,
          { description, content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } },
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
