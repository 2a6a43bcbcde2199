import { User } from "../models/User.js";
import { accountEraser, type AccountEraserProps } from "../commands/accountEraser.js";

/** At start-up: erasures a crash interrupted are finished (each step is safe to repeat). */
export async function finishInterruptedErasures(
  props: Pick<AccountEraserProps, "dataDir" | "uploadDirectory">,
): Promise<number> {
  const unfinished = await User.find({ status: "erased", "erasure.done": false }, { _id: 1 }).lean();
  for (const user of unfinished) await accountEraser({ ...props, userId: user._id, actorId: null });
  return unfinished.length;
}
