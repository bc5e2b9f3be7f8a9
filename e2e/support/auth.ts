import { expect, type Page } from "@playwright/test";

export const DEMO_ADMIN = { email: "admin@demo.local", password: "demo-admin-password" };
export const DEMO_AGENT = { email: "agent@demo.local", password: "demo-agent-password" };
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3210}`;

/**
 * The header a browser sends with every write from the app's own pages. The server refuses API
 * writes without it (CSRF), and Playwright's request fixture, unlike a page, does not send it.
 */
export const sameOrigin = (baseUrl: string) => ({ origin: new URL(baseUrl).origin });
export const SAME_ORIGIN = sameOrigin(BASE_URL);

/** Signs in over HTTP (fast); the session cookie lands in the page's browser context. */
export async function signIn(page: Page, user: { email: string; password: string }, baseUrl = BASE_URL): Promise<void> {
  const response = await page.request.post(`${baseUrl}/api/auth/sign-in/email`, {
    data: user,
    headers: sameOrigin(baseUrl),
  });
  expect(response.status(), `sign-in of ${user.email}`).toBe(200);
}
