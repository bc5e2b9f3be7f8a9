import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./support/auth";

// The public API's reference at /docs/api: Swagger UI renders /api/v1/openapi.json for a visitor
// who is not signed in, under the pages' own Content-Security-Policy (no exception for it), and
// loads nothing from anywhere but this origin.

interface TWatch {
  requests: string[];
  problems: string[];
  violations: () => Promise<string[]>;
}

/** Records every request of the browser context, console errors, page errors and CSP violations. */
async function watch(page: Page): Promise<TWatch> {
  const requests: string[] = [];
  const problems: string[] = [];
  page.context().on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error" || /Content.Security.Policy/i.test(message.text()))
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // An init script is not subject to the page's policy: it sees violations from the first byte.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  return {
    requests,
    problems,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

test("a signed-out visitor reads the API reference: every operation, under the page policy, nothing from elsewhere", async ({
  page,
  baseURL,
}) => {
  const seen = await watch(page);
  const response = await page.goto("/docs/api");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/docs\/api$/);

  // The pages' policy, unchanged: scripts by nonce and 'strict-dynamic', no eval.
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toContain("unsafe-eval");

  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Instagram Inbox API/ })).toBeVisible();
  for (const summary of [
    "List the Instagram accounts the token may reach",
    "List conversations",
    "Get a conversation",
    "Send a message",
    "Assign a conversation to an agent, or to nobody",
  ])
    await expect(page.getByText(summary, { exact: true })).toBeVisible();

  // An operation opens to its parameters and answers, and offers nothing to send.
  await page.getByText("Send a message", { exact: true }).click();
  const send = page.locator(".opblock.is-open");
  await expect(send.getByText("Idempotency-Key", { exact: true })).toBeVisible();
  await expect(send.getByText("The token lacks the operation's scope.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try it out" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Authorize/ })).toHaveCount(0);

  // Swagger UI's files come from this origin, with their types (the server sends nosniff).
  const origin = new URL(baseURL ?? page.url()).origin;
  const css = await page.request.get("/docs/api/assets/swagger-ui.css");
  expect(css.headers()["content-type"]).toContain("text/css");
  const js = await page.request.get("/docs/api/assets/swagger-ui-bundle.js");
  expect(js.headers()["content-type"]).toContain("text/javascript");
  expect((await page.request.get("/docs/api/assets/package.json")).status()).toBe(404);
  expect((await page.request.get("/docs/api/assets/..%2Fpackage.json")).status()).toBe(404);

  expect(seen.requests.some((url) => url.startsWith(`${origin}/docs/api/assets/swagger-ui-bundle.js?v=`))).toBe(true);
  expect(seen.requests).toContain(`${origin}/api/v1/openapi.json`);
  const elsewhere = seen.requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
  expect(await seen.violations()).toEqual([]);
  expect(seen.problems).toEqual([]);
});

test("Admin → API tokens links to the reference", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/api-tokens");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByText("List conversations", { exact: true })).toBeVisible();
});

test("on a phone the reference fits the screen's width", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/docs/api");
  await page.getByText("Send a message", { exact: true }).tap();
  await expect(page.locator(".opblock.is-open").getByText("Idempotency-Key", { exact: true })).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
  await context.close();
});
