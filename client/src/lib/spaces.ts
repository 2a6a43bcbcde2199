import type { RouteTarget } from "./links";

/** Where a thread's or category's space lives: a group's page, or the network space (empty slug). */
export function spaceTarget(group: { slug: string }): RouteTarget {
  return group.slug === "" ? ["/siec"] : ["/grupy/[slug]", { slug: encodeURIComponent(group.slug) }];
}
