import type { BrowserContext } from "playwright-core";
import { DEMO_PASSWORD } from "./http.js";

/** The session's CSRF token, as the SPA asks for it before any change. */
export async function csrfTokenOf(context: BrowserContext, baseUrl: string): Promise<string> {
  const response = await context.request.get(`${baseUrl}/api/auth/csrf`);
  return ((await response.json()) as { token: string }).token;
}

/** Signs a browser context in through the API (its pages share the cookie). */
export async function signInByApi(context: BrowserContext, baseUrl: string, email: string): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { "x-csrf-token": await csrfTokenOf(context, baseUrl) },
  });
  if (response.status() !== 200) throw new Error(`sign-in as ${email} failed: ${response.status()}`);
}

/** The id of a group's category, asked through a signed-in context. */
export async function categoryIdOf(
  context: BrowserContext,
  baseUrl: string,
  groupSlug: string,
  categorySlug: string,
): Promise<string> {
  const response = await context.request.get(`${baseUrl}/api/groups/${groupSlug}`);
  if (response.status() !== 200) throw new Error(`group ${groupSlug}: ${response.status()}`);
  const group = (await response.json()) as { categories: Array<{ id: string; slug: string }> };
  const category = group.categories.find((candidate) => candidate.slug === categorySlug);
  if (!category) throw new Error(`no category ${categorySlug} in ${groupSlug}`);
  return category.id;
}
