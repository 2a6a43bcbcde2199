import { Router } from "express";
import { buildOpenApiDocument, type OpenApiDocument } from "../openapi/openApiDocument.js";

/** The API's OpenAPI document, built once on first request (it depends only on the code). */
export function openApiRoutes(): Router {
  const router = Router();
  let document: OpenApiDocument | undefined;
  router.get("/openapi.json", (_req, res) => {
    document ??= buildOpenApiDocument();
    res.json(document);
  });
  return router;
}
