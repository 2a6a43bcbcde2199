import { endpoints, pathOf, queryString, urlOf, type PathParamName, type RequestOf, type ResponseOf } from "./index.js";
import type { PostsPage, ThreadDetail, ThreadRedirect } from "../index.js";

/** Compile-time checks: a wrong type here fails `npm run typecheck`. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const typesHold: [
  Equal<PathParamName<"/calendar/feeds/:token/groups/:slug.ics">, "token" | "slug">,
  Equal<PathParamName<"/health">, never>,
  Equal<ResponseOf<typeof endpoints.threads.detail>, ThreadDetail | ThreadRedirect>,
  Equal<ResponseOf<typeof endpoints.threads.posts>, PostsPage>,
  Equal<ResponseOf<typeof endpoints.posts.delete>, void>,
  Equal<
    RequestOf<typeof endpoints.posts.react>["params"],
    { id: string; kind: "like" | "thanks" | "idea" | "question" }
  >,
] = [true, true, true, true, true, true];

describe("endpoint addresses", () => {
  it("fills path parameters, encoded, under the API base or at the site root", () => {
    expect(typesHold.every(Boolean)).toBe(true);
    expect(pathOf(endpoints.threads.detail, { params: { id: "0123456789abcdef01234567" } })).toBe(
      "/threads/0123456789abcdef01234567",
    );
    expect(urlOf(endpoints.network.person, { params: { username: "anna nowak/ą" } })).toBe(
      "/api/people/anna%20nowak%2F%C4%85",
    );
    expect(urlOf(endpoints.meetings.groupCalendarFeed, { params: { token: "abc", slug: "gwd-malopolska" } })).toBe(
      "/api/calendar/feeds/abc/groups/gwd-malopolska.ics",
    );
    expect(urlOf(endpoints.system.metrics)).toBe("/metrics");
  });

  it("adds the query, leaving out what is not given", () => {
    expect(
      pathOf(endpoints.threads.posts, {
        params: { id: "0123456789abcdef01234567" },
        query: { after: "5", limit: "20" },
      }),
    ).toBe("/threads/0123456789abcdef01234567/posts?after=5&limit=20");
    expect(queryString({ q: "szkoła", kind: undefined, tag: null })).toBe("?q=szko%C5%82a");
    expect(queryString({})).toBe("");
  });

  it("refuses an address with a parameter missing", () => {
    expect(() => pathOf(endpoints.threads.detail, { params: { id: "" } })).toThrow(/no value for :id/);
  });
});
