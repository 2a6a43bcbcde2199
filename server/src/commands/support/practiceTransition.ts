import type { PracticeStatus } from "@forum/shared";
import { anyOf } from "../../db/anyOf.js";
import { conflict } from "../../errors/AppError.js";
import { Practice, type PracticeDocument } from "../../models/Practice.js";

export const PRACTICE_STATE_CHANGED_MESSAGE =
  "Stan tej praktyki zmienił się w międzyczasie (ktoś inny już ją przesłał, zrecenzował lub opublikował). Odśwież stronę.";

/**
 * Moves a practice from one of the expected statuses, atomically: of two people acting on the same state only one
 * succeeds, the other gets 409 with a Polish explanation.
 */
export async function transitionPractice(
  practice: Pick<PracticeDocument, "_id">,
  from: readonly PracticeStatus[],
  changes: Record<string, unknown>,
): Promise<PracticeDocument> {
  const updated = await Practice.findOneAndUpdate(
    { _id: practice._id, status: anyOf(from) },
    { $set: changes },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict(PRACTICE_STATE_CHANGED_MESSAGE);
  return updated;
}
