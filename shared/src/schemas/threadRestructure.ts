import { z } from "zod";
import { createThreadSchema } from "./post.js";

const OBJECT_ID = /[0-9a-f]{24}/i;

/**
 * A thread named by its id or by a link to it (…/watki/<id>, as copied from the address bar):
 * moderators paste whichever they have.
 */
export const threadReferenceSchema = z
  .string({ message: "Podaj link do wątku albo jego identyfikator." })
  .trim()
  .min(1, { message: "Podaj link do wątku albo jego identyfikator." })
  .transform((value) => value.match(/watki\/([0-9a-f]{24})/i)?.[1] ?? value.match(OBJECT_ID)?.[0] ?? "")
  .refine((id) => id !== "", { message: "To nie jest link do wątku ani jego identyfikator." })
  .transform((id) => id.toLowerCase());

const categoryIdSchema = z
  .string({ message: "Wybierz kategorię." })
  .regex(/^[0-9a-f]{24}$/i, { message: "Wybierz kategorię." });

/** POST /threads/:id/move */
export const moveThreadSchema = z.object({ categoryId: categoryIdSchema });
export type MoveThreadInput = z.infer<typeof moveThreadSchema>;

/** POST /threads/:id/merge: this thread's posts go into the target thread. */
export const mergeThreadSchema = z.object({ targetThread: threadReferenceSchema });
export type MergeThreadInput = z.infer<typeof mergeThreadSchema>;

export const SPLIT_POSTS_MAX = 500;

/** POST /threads/:id/split: the selected posts go into a new thread or an existing one. */
export const splitPostsSchema = z.object({
  postIds: z
    .array(z.string().regex(/^[0-9a-f]{24}$/i, { message: "Nieprawidłowy wpis." }), {
      message: "Zaznacz wpisy do przeniesienia.",
    })
    .min(1, { message: "Zaznacz co najmniej jeden wpis." })
    .max(SPLIT_POSTS_MAX, { message: `Można przenieść najwyżej ${SPLIT_POSTS_MAX} wpisów naraz.` })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  target: z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("new"), title: createThreadSchema.shape.title, categoryId: categoryIdSchema }),
      z.object({ kind: z.literal("existing"), thread: threadReferenceSchema }),
    ],
    { message: "Wybierz, dokąd przenieść wpisy." },
  ),
});
export type SplitPostsInput = z.infer<typeof splitPostsSchema>;

/** GET /threads/:id of a thread merged into another: the client goes there instead. */
export interface ThreadRedirect {
  redirect: { threadId: string };
}

/** GET /restructure/categories: where a moderator may put threads, by space (group null: network-wide). */
export interface RestructureTargets {
  spaces: Array<{
    group: { id: string; slug: string; name: string } | null;
    categories: Array<{ id: string; name: string }>;
  }>;
}

/** The answer of move, merge and split: where the moved content is now. */
export interface RestructureResult {
  threadId: string;
  /** Split only: the posts moved, with their numbers in the target. */
  movedPostIds?: string[];
}
