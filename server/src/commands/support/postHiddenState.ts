import type { PostHiddenState } from "@forum/shared";
import type { PostDocument } from "../../models/Post.js";

/** A post's moderation state as hides and restores store it before and after. */
export const hiddenState = (post: Pick<PostDocument, "hiddenAt" | "hiddenReason" | "hiddenAuto">): PostHiddenState => ({
  hidden: Boolean(post.hiddenAt),
  reason: post.hiddenReason ?? null,
  auto: Boolean(post.hiddenAuto),
});
