import { match } from "$app/paths";
import type { PathnameWithSearchOrHash, RouteId, RouteParams } from "$app/types";

type WithSearchOrHash<R extends string> = R | `${R}?${string}` | `${R}#${string}`;

/**
 * A page of this app as SvelteKit's route ID (optionally with `?search` or `#hash`) plus, for a
 * dynamic route, its parameters: `["/grupy/[slug]", { slug }]`. The type admits only routes that
 * exist, so a renamed page breaks the build instead of a link. Components that take a link as a
 * prop take one of these and render `resolve(...target)`, so every href goes through `resolve()`.
 *
 * `resolve()` puts parameters into the path as given: encode them with `encodeURIComponent`.
 */
export type RouteTarget = {
  [R in RouteId]: RouteParams<R> extends Record<string, never>
    ? [route: WithSearchOrHash<R>]
    : [route: WithSearchOrHash<R>, params: RouteParams<R>];
}[RouteId];

/**
 * A path of this app in the pathname form `resolve()` takes (no leading slash), as a one-element
 * argument list: `resolve<PathnameWithSearchOrHash>(...target)`. One tuple type per kind of path:
 * with this many routes TypeScript no longer matches a single argument of the whole union type
 * against `resolve()`'s per-path argument lists, nor infers the type argument.
 */
export type PathTarget = PathArgs<PathnameWithSearchOrHash>;
type PathArgs<P> = P extends unknown ? [pathname: P] : never;

/** The login page, bringing the user back to `path` (a path of this app) afterwards. */
export function loginTarget(path: string): RouteTarget {
  return [`/logowanie?powrot=${encodeURIComponent(path)}`];
}

/** Backslashes (browsers read `/\\host` as `//host`) and control characters have no place in a return path. */
function isSuspicious(char: string): boolean {
  const code = char.charCodeAt(0);
  return char === "\\" || code < 0x20 || code === 0x7f;
}

/**
 * Where to go after signing in, from the login page's `?powrot=`. The value comes from the
 * address bar, so anyone can craft it: only a path on this origin that matches one of the app's
 * pages is accepted; another site (`//evil.example`, `/\evil.example`, `https:…`), `javascript:`
 * or an unknown path leads home. `resolve(...target)` prefixes it with the base path like every
 * other link, and takes it verbatim (a route ID would have its `[x]` and `(x)` segments read).
 */
export async function returnTargetFrom(value: string | null): Promise<PathTarget> {
  const home: PathTarget = [""];
  if (!value || !value.startsWith("/") || value.startsWith("//") || [...value].some(isSuspicious)) return home;
  let url: URL;
  try {
    url = new URL(value, window.location.origin);
  } catch {
    return home;
  }
  if (url.origin !== window.location.origin) return home;
  try {
    if (!(await match(url))) return home;
  } catch {
    // The route table could not be loaded (offline): home is always safe.
    return home;
  }
  // Checked above: a path of one of this app's pages, which is what the Path type describes.
  return [`${url.pathname.slice(1)}${url.search}${url.hash}` as PathnameWithSearchOrHash] as PathTarget;
}
