import mongoose from "mongoose";

/*
 * Comparison operators for filters our own code builds. sanitizeFilter (on for every query)
 * would neutralise a bare `{ $gt: … }`; these mark the operator as ours (see anyOf.ts).
 */
export const greaterThan = <Value>(value: Value): { $gt: Value } => mongoose.trusted({ $gt: value }) as { $gt: Value };

export const atLeast = <Value>(value: Value): { $gte: Value } => mongoose.trusted({ $gte: value }) as { $gte: Value };

export const notEqual = <Value>(value: Value): { $ne: Value } => mongoose.trusted({ $ne: value }) as { $ne: Value };

export const lessThan = <Value>(value: Value): { $lt: Value } => mongoose.trusted({ $lt: value }) as { $lt: Value };
