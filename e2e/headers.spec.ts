import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, signIn } from "./support/auth";
import { customerWrites, SIMULATOR_URL } from "./support/simulator";

// Issue 16, items 12 and 13: pages run only the scripts Next.js gave this request's nonce,
// load plain-http media from nowhere but the demo's simulator, and admin pages guard their own
// data path.

function directive(policy: string, name: string): string[] {
  return (policy.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? "").split(" ").slice(1);
}

function nonceOf(policy: string): string | undefined {
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

/** Collects every CSP violation of the page from its first byte (an init script is not subject to the CSP). */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** Next.js's runtime has started: its nonce-carrying scripts ran. */
async function expectNextRunning(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as { next?: { version?: string } }).next?.version === "string");
}

test("a page's policy carries a fresh nonce, no 'unsafe-inline' for scripts and no loopback beyond the simulator", async ({
  request,
}) => {
  const first = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
  const second = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
  const scripts = directive(first, "script-src");
  expect(scripts).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'", `'nonce-${nonceOf(first)}'`]));
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(nonceOf(first)).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
  expect(nonceOf(second)).not.toBe(nonceOf(first));

  // The demo's simulator serves sample media from this machine: exactly its origin, nothing else.
  for (const name of ["img-src", "media-src"]) {
    const plainHttp = directive(first, name).filter((source) => source.startsWith("http:"));
    expect(plainHttp, name).toEqual([new URL(SIMULATOR_URL).origin]);
  }
  expect(first).not.toMatch(/localhost|:\*/);

  // Every script in the HTML carries this response's nonce.
  const response = await request.get("/sign-in");
  const html = await response.text();
  const nonce = nonceOf(response.headers()["content-security-policy"] ?? "");
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
});

test("a script injected into the page without the nonce does not run; the app's own scripts do", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /<body([^>]*)>/,
      `<body$1><script>window.__injected = true</script>` +
        `<img alt="" src="data:image/png;base64,AAAA" onerror="window.__handler = true">`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await expectNextRunning(page);
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
  await expect
    .poll(violations)
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem blocked inline/),
        expect.stringMatching(/^script-src-attr blocked inline/),
      ]),
    );
  expect(await page.evaluate(() => "__injected" in window || "__handler" in window)).toBe(false);
});

test("no page of the app breaks its own policy", async ({ page, request }) => {
  const violations = await recordViolations(page);
  await page.goto("/sign-in");
  await expectNextRunning(page);
  await page.goto("/no-such-page");
  await expectNextRunning(page);
  await signIn(page, DEMO_ADMIN);

  // A conversation with the simulator's sample picture and voice note: the demo's media origin.
  const customer = {
    igsid: String(6_000_000_000 + Math.floor(Math.random() * 1e9)),
    name: "Cora Policy",
    username: "cora",
  };
  await customerWrites(request, {
    ...customer,
    image: { url: `${SIMULATOR_URL}/_sim/media/photo.png`, contentType: "image/png" },
  });
  await customerWrites(request, { ...customer, audio: {} });
  await page.goto("/");
  await page.getByRole("listitem", { name: customer.name }).getByRole("link").click();
  const thread = page.getByRole("list", { name: "Messages" });
  const picture = thread
    .getByRole("listitem", { name: /^Customer: / })
    .getByRole("img")
    .first();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect
    .poll(() => thread.locator("audio").evaluate((el: HTMLMediaElement) => el.readyState))
    .toBeGreaterThanOrEqual(1);
  expect(await violations(), "a conversation with media").toEqual([]);

  for (const path of [
    "/",
    "/account",
    "/saved-replies",
    "/admin/accounts",
    "/admin/agents",
    "/admin/labels",
    "/admin/pipeline",
    "/admins-only",
  ]) {
    await page.goto(path);
    await expectNextRunning(page);
    // Live: hydrated, and the socket (connect-src) is up.
    await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }
});

// What only each admin page shows: none of it may reach an agent, in the HTML or in the
// payload of a client-side navigation.
const ADMIN_PAGES: Record<string, string> = {
  "/admin": "Each linked account receives",
  "/admin/accounts": "Each linked account receives",
  "/admin/agents": "Everyone who can sign in",
  "/admin/labels": "Agents put labels on conversations",
  "/admin/pipeline": "What CM.com sends us",
};

test("an agent opening an admin page is sent away and receives none of it", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  for (const [path, adminText] of Object.entries(ADMIN_PAGES)) {
    const load = await page.request.get(path, { maxRedirects: 0 });
    expect(load.status(), path).toBe(307);
    expect(load.headers()["location"], path).toBe("/admins-only");
    expect(await load.text(), path).not.toContain(adminText);

    const navigation = await page.request.get(path, { headers: { rsc: "1" }, maxRedirects: 0 });
    expect(await navigation.text(), `${path} (client navigation)`).not.toContain(adminText);

    await page.goto(path);
    await expect(page).toHaveURL(/\/admins-only$/);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByText(adminText)).toHaveCount(0);
  }
});

test("an admin opens every admin page", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  for (const [path, adminText] of Object.entries(ADMIN_PAGES)) {
    await page.goto(path);
    await expect(page.getByText(adminText)).toBeVisible();
  }
});
