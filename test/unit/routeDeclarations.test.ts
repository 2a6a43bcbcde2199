import { endpointList, objectId, type PathParamName } from "@forum/shared";
import { registeredRoutes } from "../support/declaredRoutes.js";

const routes = registeredRoutes();
const key = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;

describe("routes and their declarations (shared/src/endpoints)", () => {
  it("registers no route without a declaration (use route() from server/src/http/declareRoute.ts)", () => {
    expect(routes.filter((found) => !found.endpoint).map(key)).toEqual([]);
  });

  it("registers each route at the method and path its declaration names", () => {
    const mismatched = routes.filter((found) => found.endpoint && key(found) !== key(found.endpoint));
    expect(mismatched.map((found) => `${key(found)} ≠ ${found.endpoint ? key(found.endpoint) : ""}`)).toEqual([]);
  });

  it("registers every declared endpoint exactly once", () => {
    expect(routes.map(key).sort()).toEqual(endpointList.map(({ endpoint }) => key(endpoint)).sort());
  });

  it("declares schemas only for parameters its path has", () => {
    for (const { name, endpoint } of endpointList) {
      const inPath = [...endpoint.path.matchAll(/:(\w+)/g)].map(([, param]) => param);
      expect({ name, params: Object.keys(endpoint.params ?? {}).filter((param) => !inPath.includes(param)) }).toEqual({
        name,
        params: [],
      });
    }
  });

  it("names each database id in a path with the objectId schema, so a malformed one is a missing one (404)", () => {
    const plainIds = endpointList.flatMap(({ name, endpoint }) =>
      [...endpoint.path.matchAll(/:(\w*Id|id)\b/g)]
        .map(([, param]) => param as PathParamName<string>)
        .filter((param) => endpoint.params?.[param] !== objectId)
        .map((param) => `${name} :${param}`),
    );
    // Session ids are the session store's, not the database's.
    expect(plainIds).toEqual(["account.revokeSession :id"]);
  });
});
