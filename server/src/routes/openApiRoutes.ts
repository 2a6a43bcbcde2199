import { Router } from "express";
import { endpoints } from "@forum/shared";
import { route } from "../http/declareRoute.js";
import { buildOpenApiDocument, type OpenApiDocument } from "../openapi/openApiDocument.js";

/** The API's OpenAPI document, built once on first request (it depends only on the code). */
export function openApiRoutes(): Router {
  const router = Router();
  let document: OpenApiDocument | undefined;
  route(router, endpoints.system.openApi, () => (document ??= buildOpenApiDocument()));
  return router;
}
