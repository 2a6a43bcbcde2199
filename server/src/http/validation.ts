import mongoose from "mongoose";
import type { z } from "zod";
import { notFound } from "../errors/AppError.js";

/** Parses a request payload with a shared schema; unknown fields are dropped, bad ones answer 400. */
export const parseInput = <Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> =>
  schema.parse(input);

/** A malformed id cannot name anything: answer 404 rather than a database error. */
export function parseObjectId(value: unknown): mongoose.Types.ObjectId {
  if (typeof value !== "string" || !mongoose.isObjectIdOrHexString(value) || value.length !== 24) throw notFound();
  return new mongoose.Types.ObjectId(value);
}
