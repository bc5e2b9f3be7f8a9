import { expect, test } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";

const PAGES = ["/", "/account", "/admin", "/admin/accounts", "/admin/agents"];

test("a signed-out browser is sent to sign-in from every page, and back after signing in", async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page).toHaveURL(
      path === "/" ? /\/sign-in$/ : new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}$`),
    );
    await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
  }
  await page.goto("/sign-in?next=%2Faccount");
  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  await page.getByLabel("Password").fill(DEMO_AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
});

test("an agent cannot open the admin page nor call an admin route", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  await page.goto("/admin/accounts");
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  expect((await page.request.get("/api/admin/accounts")).status()).toBe(403);
  expect((await page.request.get("/api/admin/users")).status()).toBe(403);
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("signing out ends the session, and its other open tabs leave too", async ({ page, context }) => {
  await signIn(page, DEMO_AGENT);
  const otherTab = await context.newPage();
  await otherTab.goto("/");
  await expect(otherTab.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await page.goto("/");
  // Live means the page is hydrated and its socket is up.
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(otherTab).toHaveURL(/\/sign-in\?reason=revoked$/);
  expect((await page.request.get("/api/conversations")).status()).toBe(401);
});
