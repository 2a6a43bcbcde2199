import mongoose from "mongoose";

/**
 * `{ $in: values }` for a filter our own code builds. sanitizeFilter (on for every query, so a
 * request value can never become an operator) would otherwise neutralise the operator, and a
 * bare array is cast as a single value.
 */
export function anyOf<Value>(values: readonly Value[]): { $in: Value[] } {
  return mongoose.trusted({ $in: [...values] }) as { $in: Value[] };
}
