import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites } from "./support/simulator";

// Issue 10: axe-core (WCAG 2 A and AA) finds nothing serious or critical on any page, signed
// out, as an agent and as an admin, at desktop and phone width.

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.name} width`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the sign-in page", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the inbox, a conversation and the account page, as an agent", async ({ page }) => {
      await signIn(page, DEMO_AGENT);
      const igsid = String(9_700_000_000_000_000 + (Date.now() % 1_000_000));
      const name = `Axe Customer ${igsid.slice(-4)}`;
      await customerWrites(page.request, { igsid, name, username: "axe.customer", text: "Is this accessible?" });
      await page.goto("/");
      await expect(page.getByRole("listitem", { name })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("listitem", { name }).getByRole("link").click();
      await expect(page.getByRole("heading", { name })).toBeVisible();
      await page.getByRole("button", { name: "Assign to me" }).click();
      await expect(page.getByText("Assigned to you")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // Menus, the rich composer and search results, open.
      await page.getByRole("button", { name: "Snooze" }).click();
      await expect(page.getByRole("group", { name: "Snooze until" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Assign…" }).click();
      await expect(page.getByRole("group", { name: "Assign to" }).getByRole("button").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Rich message" }).click();
      expect(await seriousViolations(page)).toEqual([]);
      if (viewport.name === "desktop") {
        await page.getByRole("searchbox", { name: "Search conversations" }).fill("accessible");
        await expect(page.getByRole("listbox")).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      }
      await page.goto("/account");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the admin pages", async ({ page }) => {
      await signIn(page, DEMO_ADMIN);
      for (const path of [
        "/admin/accounts",
        "/admin/agents",
        "/admin/pipeline",
        "/admin/api-tokens",
        "/admin/webhooks",
      ]) {
        await page.goto(path);
        await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page), path).toEqual([]);
        // Nothing is wider than the screen (the admin tabs wrap).
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          viewport.width,
        );
      }
    });
  });
}
