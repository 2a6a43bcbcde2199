import { Router } from "express";
import { endpoints, foldPolish, type JstSummary } from "@forum/shared";
import { route } from "../http/declareRoute.js";
import type { JstDocument } from "../queries/jstCatalogue.js";
import { presentJst } from "../presenters/jstPresenter.js";
import { allJsts } from "../queries/jstCatalogue.js";

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Type-ahead over the TERYT register, public because the registration form needs it. Names are
 * matched folded (no case, no diacritics): whole-name prefixes first ("krak" → Kraków), then
 * word prefixes ("krak" → powiat krakowski), then anywhere in the name.
 */
export function jstRoutes(): Router {
  const router = Router();

  route(router, endpoints.registration.jsts, async ({ query: parseQuery }) => {
    const query = parseQuery();
    const folded = foldPolish(query.q);
    const wordPrefix = new RegExp(`[\\s-]${escapeRegex(folded)}`);
    const tiers: ((jst: JstDocument) => boolean)[] = [
      (jst) => jst.searchName.startsWith(folded),
      (jst) => wordPrefix.test(jst.searchName),
      (jst) => jst.searchName.includes(folded),
    ];
    const candidates = (await allJsts()).filter(
      (jst) =>
        (!query.type || jst.type === query.type) && (!query.voivodeship || jst.voivodeshipCode === query.voivodeship),
    );
    const found = new Set<JstDocument>();
    for (const matches of folded ? tiers : [() => true]) {
      for (const jst of candidates) {
        if (found.size >= query.limit) break;
        if (matches(jst)) found.add(jst);
      }
    }
    const jsts: JstSummary[] = [...found].map(presentJst);
    return { jsts };
  });

  route(router, endpoints.registration.voivodeships, async () => {
    const voivodeships = (await allJsts())
      .filter((unit) => unit.type === "wojewodztwo")
      .sort((a, b) => a.teryt.localeCompare(b.teryt));
    return { voivodeships: voivodeships.map((unit) => ({ code: unit.teryt, name: unit.name })) };
  });

  return router;
}
