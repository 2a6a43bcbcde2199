import { Router } from "express";
import { searchQuerySchema } from "@forum/shared";
import { parseInput } from "../http/validation.js";
import type { DatabaseKind } from "../db/findDatabase.js";
import { candidateStrategyFor, search } from "../queries/searchEngine.js";

/**
 * Search across threads, posts, practices, analyses, people and tags. Signed-in people find what they may read;
 * visitors find the public practices and analyses only (what the public library shows them), so it answers them too.
 */
export function searchRoutes(databaseKind: DatabaseKind): Router {
  const strategy = candidateStrategyFor(databaseKind);
  const router = Router();

  router.get("/search", async (req, res) => {
    const query = parseInput(searchQuerySchema, req.query);
    res.json(await search(req.actor ?? null, query, { strategy }));
  });

  return router;
}
