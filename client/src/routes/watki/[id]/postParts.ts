import type { PostRevisionView, PostView } from "@forum/shared/api";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";

/** What the parts of a post (reactions, the delete dialog) are given by PostItem. */
export interface PostPartProps {
  post: PostView;
  /** The post as the server now answers it (this viewer's copy). */
  onchange?: (post: PostView) => void;
  /** What went wrong ("" when a new attempt starts): PostItem shows it under the text. */
  onerror: (message: string) => void;
}

/**
 * Every version of a post, oldest first. The last one is the current markdown source (the server lists
 * it even before any edit): the post itself carries only its HTML.
 */
export async function fetchRevisions(postId: string): Promise<PostRevisionView[]> {
  const answer = await callEndpoint(endpoints.posts.revisions, { params: { id: postId } });
  return [...answer.revisions].sort((a, b) => a.version - b.version);
}
