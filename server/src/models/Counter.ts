import mongoose from "mongoose";

/** Named sequences (e.g. "erasure": the n of "Użytkownik usunięty #n"), advanced only with $inc. */
const counterSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    value: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

export const Counter = mongoose.model("Counter", counterSchema, "counters");

/** The next number of a sequence (1, 2, …); the single $inc makes it safe across processes. */
export async function nextCounterValue(name: string): Promise<number> {
  const counter = await Counter.findOneAndUpdate(
    { _id: name },
    { $inc: { value: 1 } },
    { upsert: true, returnDocument: "after" },
  ).lean();
  if (!counter) throw new Error(`counter ${name} not advanced`);
  return counter.value;
}
