import {
  buildOpenApiDocument,
  documentedEndpoints,
  openApiPath,
  operationId,
} from "../../server/src/openapi/openApiDocument.js";

const document = buildOpenApiDocument();
const HTTP_METHODS = ["get", "post", "put", "patch", "delete"];
const declared = documentedEndpoints();

describe("the OpenAPI document", () => {
  it("has every declared operation under its OpenAPI path, with a unique operationId", () => {
    const inDocument = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(inDocument.sort()).toEqual(declared.map((row) => `${row.method} ${openApiPath(row.path)}`).sort());
    const ids = declared.map(operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is OpenAPI 3.1 shaped: each path parameter declared, errors share ErrorResponse", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    for (const [path, item] of Object.entries(document.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
      for (const [method, operation] of Object.entries(item)) {
        expect(HTTP_METHODS).toContain(method);
        const declared = operation.parameters.filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort()).toEqual(inPath);
        expect(operation.responses["400"]).toEqual({ $ref: "#/components/responses/Error400" });
        expect(operation.summary.length).toBeGreaterThan(3);
      }
    }
    expect(document.components.responses.Error404?.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ErrorResponse",
    });
  });

  it("describes request bodies and queries with the shared zod schemas", () => {
    const login = document.paths["/api/auth/login"]?.post;
    const loginBody = login?.requestBody?.content["application/json"]?.schema as { properties?: object } | undefined;
    expect(Object.keys(loginBody?.properties ?? {})).toEqual(expect.arrayContaining(["email", "password"]));
    const posts = document.paths["/api/threads/{id}/posts"]?.get;
    expect(posts?.parameters.filter((p) => p.in === "query").map((p) => p.name)).toEqual(
      expect.arrayContaining(["after", "before", "limit"]),
    );
    const reaction = document.paths["/api/posts/{id}/reactions/{kind}"]?.put;
    expect(reaction?.parameters.find((p) => p.name === "kind")?.schema).toMatchObject({
      enum: ["like", "thanks", "idea", "question"],
    });
  });
});
