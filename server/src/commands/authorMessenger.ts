import type mongoose from "mongoose";
import type { PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AuthorMessengerProps {
  /** The post the message is about (already authorized: moderators only). */
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  moderatorId: mongoose.Types.ObjectId;
  text: string;
  context?: RequestContext;
}

/**
 * A moderator writes privately to a post's author; the notifier delivers it as a notification
 * (the event is the only stored copy of the text).
 */
export async function authorMessenger(props: AuthorMessengerProps): Promise<void> {
  await recordEvent({
    name: "users.message",
    actorId: props.moderatorId,
    subjectType: "User",
    subjectId: props.post.authorId,
    groupId: props.thread.groupId,
    threadId: props.thread._id,
    data: {
      postId: props.post._id.toString(),
      number: props.post.number,
      targetUserId: props.post.authorId.toString(),
      text: props.text,
      before: null,
      after: null,
    },
    context: props.context,
  });
}
