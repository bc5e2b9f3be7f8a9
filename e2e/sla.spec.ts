import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import { DEMO_ADMIN, SAME_ORIGIN, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { SIMULATOR_URL, customerWrites } from "./support/simulator";

// Issue 19, SLA policies: an admin gives an account a first-response target; customers write;
// the list shows when each answer is due and "SLA due soonest" puts the longest waiting first.
// The target is long (45 minutes) so nothing becomes overdue while the test runs: the worker
// (every second here, SLA_INTERVAL_MS) writes the due times and the list follows live.

/** An account of its own (no other spec's conversations carry its policy), known to the simulator. */
async function linkAccount(admin: APIRequestContext, request: APIRequestContext, run: number) {
  const account = { igAccountId: `1786${run}`, displayName: `SLA shop ${run}`, productToken: randomUUID() };
  const created = await admin.post("/api/admin/accounts", { headers: SAME_ORIGIN, data: account });
  expect(created.status()).toBe(200);
  const { id, webhookUrls } = z
    .object({ account: z.object({ id: z.string(), webhookUrls: z.record(z.string(), z.string()) }) })
    .parse(await created.json()).account;
  const registered = await request.post(`${SIMULATOR_URL}/_sim/accounts`, {
    data: { ...account, name: account.displayName, webhooks: webhookUrls },
  });
  expect(registered.ok()).toBe(true);
  return { ...account, id };
}

test("an admin sets a first-response target; the list shows it due and sorts by it", async ({ page, request }) => {
  const run = Date.now();
  await signIn(page, DEMO_ADMIN);
  const shop = await linkAccount(page.request, request, run);

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "SLA policies" }).click();
  await expect(page.getByRole("heading", { name: "SLA policies", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: `Policy for ${shop.displayName}` });
  // A target that is not a whole number is refused with the reason, before anything is sent.
  await form.getByLabel("First response target (minutes)").fill("2.5");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("must be a whole number of minutes")).toBeVisible();
  await form.getByLabel("First response target (minutes)").fill("45");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(form.getByRole("button", { name: "Use the default" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // CM's times, a minute apart (seconds only): the first customer has waited longer.
  const minutesAgo = (m: number) => new Date(run - m * 60_000).toISOString().slice(0, 19);
  const first = `Waiting First ${run}`;
  const second = `Waiting Second ${run}`;
  await customerWrites(request, {
    account: shop.igAccountId,
    igsid: `61${run}`,
    name: first,
    username: `first${run}`,
    text: "Hello?",
    timeUtc: minutesAgo(2),
  });
  await customerWrites(request, {
    account: shop.igAccountId,
    igsid: `62${run}`,
    name: second,
    username: `second${run}`,
    text: "Hi!",
    timeUtc: minutesAgo(1),
  });

  // Only this shop's conversations: other specs running beside this one write newer ones.
  await page.goto(`/?account=${shop.id}`);
  const list = page.getByRole("list", { name: "Conversations" });
  await expect(list.getByRole("listitem", { name: first })).toContainText(/Due in 4\d min/);
  await expect(list.getByRole("listitem", { name: second })).toContainText(/Due in 4\d min/);
  // Newest activity first: the second customer is on top.
  await expect(list.getByRole("listitem").first()).toHaveAccessibleName(second);

  await page.getByRole("button", { name: /^Filters/ }).click();
  await page.getByRole("combobox", { name: "Sort" }).selectOption({ label: "SLA due soonest" });
  await expect(page).toHaveURL(/[?&]sort=sla/);
  await expect(list.getByRole("listitem").first()).toHaveAccessibleName(first);
  await expect(list.getByRole("listitem").nth(1)).toHaveAccessibleName(second);
});
