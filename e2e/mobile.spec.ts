import { expect, test } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { customerWrites } from "./support/simulator";

// Issue 10: below 768 px the inbox shows the list, then the thread with a way back; the
// composer works on a phone.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("on a phone: list → thread → reply → back to the list as it was", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  const igsid = String(9_800_000_000_000_000 + (Date.now() % 1_000_000));
  const name = `Phone Customer ${igsid.slice(-4)}`;
  // More conversations than the screen holds, so the list can scroll: coming back must not.
  for (let i = 1; i <= 12; i++) {
    await customerWrites(page.request, {
      igsid: String(Number(igsid) + i),
      name: `Phone Crowd ${i}`,
      username: `phone.crowd.${i}`,
      text: "Me too",
    });
  }
  await customerWrites(page.request, { igsid, name, username: "phone.customer", text: "Hello from my phone" });

  await page.goto("/?status=all");
  const list = page.getByRole("list", { name: "Conversations" });
  await expect(list.getByRole("listitem", { name })).toBeVisible();
  await list.getByRole("listitem", { name }).getByRole("link").tap();

  // The thread takes the screen; the list is out of the way.
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(list).toBeHidden();
  const box = await page.getByRole("textbox").first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
  await page.getByRole("textbox").first().fill("Hi! Answering from a phone.");
  await page.getByRole("button", { name: "Send" }).tap();
  await expect(page.getByRole("listitem", { name: /You: Hi! Answering from a phone\./ })).toBeVisible();

  await page.getByRole("link", { name: "← Conversations" }).tap();
  await expect(page).toHaveURL(/\/\?status=all$/);
  await expect(list.getByRole("listitem", { name })).toBeInViewport();
  await expect(page.getByRole("heading", { name })).toBeHidden();
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
