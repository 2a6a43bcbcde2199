import { Router } from "express";
import mongoose from "mongoose";
import { foldPolish, jstSearchQuerySchema, type JstSummary } from "@forum/shared";
import { parseInput } from "../http/validation.js";
import { Jst, type JstDocument } from "../models/Jst.js";
import { presentJst } from "../presenters/jstPresenter.js";

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Type-ahead over the TERYT register, public because the registration form needs it. Names are
 * matched folded (no case, no diacritics): whole-name prefixes first ("krak" → Kraków), then
 * word prefixes ("krak" → powiat krakowski), then anywhere in the name.
 */
export function jstRoutes(): Router {
  const router = Router();

  router.get("/jsts", async (req, res) => {
    const query = parseInput(jstSearchQuerySchema, req.query);
    const filter: Record<string, unknown> = {};
    if (query.type) filter.type = query.type;
    if (query.voivodeship) filter.voivodeshipCode = query.voivodeship;
    const folded = escapeRegex(foldPolish(query.q));

    const tiers = folded ? [new RegExp(`^${folded}`), new RegExp(`[\\s-]${folded}`), new RegExp(folded)] : [/^/];
    const found: JstDocument[] = [];
    const seen = new Set<string>();
    for (const pattern of tiers) {
      if (found.length >= query.limit) break;
      const batch = await Jst.find({
        ...filter,
        searchName: mongoose.trusted({ $regex: pattern }),
        ...(seen.size ? { _id: mongoose.trusted({ $nin: [...seen] }) } : {}),
      })
        .sort({ searchName: 1, teryt: 1 })
        .limit(query.limit - found.length)
        .lean();
      for (const jst of batch) {
        seen.add(jst._id.toString());
        found.push(jst);
      }
    }
    const jsts: JstSummary[] = found.map(presentJst);
    res.json({ jsts });
  });

  router.get("/voivodeships", async (_req, res) => {
    const voivodeships = await Jst.find({ type: "wojewodztwo" }, { teryt: 1, name: 1 }).sort({ teryt: 1 }).lean();
    res.json({ voivodeships: voivodeships.map((unit) => ({ code: unit.teryt, name: unit.name })) });
  });

  return router;
}
