import type { PostRevisionView } from "@forum/shared/api";
import { api } from "#lib/api.ts";

/**
 * Every version of a post, oldest first. The last one is the current markdown source (the server lists
 * it even before any edit): the post itself carries only its HTML.
 */
export async function fetchRevisions(postId: string): Promise<PostRevisionView[]> {
  const answer = await api.get<{ revisions: PostRevisionView[] }>(`/posts/${encodeURIComponent(postId)}/revisions`);
  return [...answer.revisions].sort((a, b) => a.version - b.version);
}
