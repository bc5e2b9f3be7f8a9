import { expect, test } from "@playwright/test";
import { DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO_AGENT);
});

test("the inbox shows a new conversation live, without a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();

  const igsid = String(Date.now());
  const response = await page.request.post("/api/demo/messages", {
    headers: SAME_ORIGIN,
    data: { igsid, name: "Live Tester", username: "live.tester", text: `Hello from ${igsid}` },
  });
  expect(response.ok()).toBe(true);

  // The socket.io event patches React Query's cache: the row appears with its preview.
  const row = page.getByRole("listitem", { name: "Live Tester" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`Hello from ${igsid}`);
  await expect(row).toContainText("@live.tester");

  // And it is really stored: a reload shows it too.
  await page.reload();
  await expect(page.getByRole("listitem", { name: "Live Tester" })).toContainText(`Hello from ${igsid}`);
});

test("a second message moves its conversation to the top live", async ({ page }) => {
  const send = (igsid: string, name: string, text: string) =>
    page.request.post("/api/demo/messages", {
      headers: SAME_ORIGIN,
      data: { igsid, name, username: name.toLowerCase(), text },
    });
  await send("2000001", "Alice", "first");
  await send("2000002", "Bob", "second");

  await page.goto("/");
  const list = page.getByRole("list", { name: "Conversations" });
  // Other specs write beside this one, so the order is read between these two rows only.
  const aboveOther = async (upper: string, lower: string) => {
    const names = await list
      .getByRole("listitem")
      .evaluateAll((items) => items.map((i) => i.getAttribute("aria-label")));
    const [u, l] = [names.indexOf(upper), names.indexOf(lower)];
    return u >= 0 && l >= 0 && u < l;
  };
  await expect.poll(() => aboveOther("Bob", "Alice")).toBe(true);

  await send("2000001", "Alice", "back again");
  await expect.poll(() => aboveOther("Alice", "Bob")).toBe(true);
  await expect(list.getByRole("listitem", { name: "Alice" })).toContainText("back again");
});
