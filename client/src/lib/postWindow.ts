import type { PostView, PostsPage } from "@forum/shared/api";

/**
 * The run of a thread's posts that is in the page: contiguous, ordered by number, each post once,
 * never more than MAX_SHOWN (older or newer ones are dropped and loaded again when scrolled to),
 * so a thread of any length scrolls as smoothly as a short one.
 */
export interface PostWindow {
  posts: PostView[];
  /** The thread has posts before the first shown one. */
  hasBefore: boolean;
  /** The thread has posts after the last shown one (new posts are then not appended). */
  hasAfter: boolean;
}

export const MAX_SHOWN = 150;

export const windowOf = (page: PostsPage): PostWindow => ({
  posts: page.posts,
  hasBefore: page.hasBefore,
  hasAfter: page.hasAfter,
});

/** Posts of both lists, each number once (a later copy wins: it is fresher), in order. */
function merge(kept: PostView[], incoming: PostView[]): PostView[] {
  const byNumber = new Map<number, PostView>();
  for (const post of kept) byNumber.set(post.number, post);
  for (const post of incoming) byNumber.set(post.number, post);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** Newer posts joined at the end; the oldest ones go when there are too many. */
export function append(window: PostWindow, posts: PostView[], hasAfter: boolean): PostWindow {
  const merged = merge(window.posts, posts);
  const dropped = Math.max(0, merged.length - MAX_SHOWN);
  return { posts: merged.slice(dropped), hasBefore: window.hasBefore || dropped > 0, hasAfter };
}

/** Older posts joined at the start; the newest ones go when there are too many. */
export function prepend(window: PostWindow, posts: PostView[], hasBefore: boolean): PostWindow {
  const merged = merge(window.posts, posts);
  const kept = merged.slice(0, MAX_SHOWN);
  return { posts: kept, hasBefore, hasAfter: window.hasAfter || kept.length < merged.length };
}

/** One post replaced where it is shown (an edit, a reaction); unknown posts are ignored. */
export function replace(window: PostWindow, post: PostView): PostWindow {
  if (!window.posts.some((shown) => shown.id === post.id)) return window;
  return { ...window, posts: window.posts.map((shown) => (shown.id === post.id ? post : shown)) };
}

export const lastNumber = (window: PostWindow): number => window.posts.at(-1)?.number ?? 0;
export const firstNumber = (window: PostWindow): number => window.posts[0]?.number ?? 0;
