import { Router } from "express";
import { endpoints } from "@forum/shared";
import { route } from "../http/declareRoute.js";
import type { DatabaseKind } from "../db/findDatabase.js";
import { candidateStrategyFor, search } from "../queries/searchEngine.js";

/**
 * Search across threads, posts, practices, analyses, people and tags. Signed-in people find what they may read;
 * visitors find the public practices and analyses only (what the public library shows them), so it answers them too.
 */
export function searchRoutes(databaseKind: DatabaseKind): Router {
  const strategy = candidateStrategyFor(databaseKind);
  const router = Router();

  route(router, endpoints.knowledge.search, async ({ actor, query }) => search(actor, query(), { strategy }));

  return router;
}
