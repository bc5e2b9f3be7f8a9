import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import { DEMO_ADMIN, SAME_ORIGIN, signIn } from "./support/auth";
import { SIMULATOR_URL, customerWrites } from "./support/simulator";

// Retention end to end (issue 20): on an account of this spec's own, a customer wrote two years
// ago and another today; the admin previews what "older than 12 months" deletes, sees it, turns
// retention on, and the run deletes the old conversation only: its figures appear on the card,
// and the old conversation is gone from the inbox.

async function linkAccount(admin: APIRequestContext, request: APIRequestContext, run: number) {
  const account = { igAccountId: `1787${run}`, displayName: `Retention shop ${run}`, productToken: randomUUID() };
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

test("the admin previews what retention deletes, turns it on, and sees the run's figures", async ({
  page,
  request,
}) => {
  const run = Date.now();
  await signIn(page, DEMO_ADMIN);
  const account = await linkAccount(page.request, request, run);
  const twoYearsAgo = new Date(run - 2 * 365 * 86_400_000).toISOString().slice(0, 19);
  const oldCustomer = { igsid: `8${run}`, name: `Old Olga ${run}`, username: `olga${run}` };
  const newCustomer = { igsid: `7${run}`, name: `New Nina ${run}`, username: `nina${run}` };
  await customerWrites(request, {
    ...oldCustomer,
    account: account.igAccountId,
    text: "Long ago",
    timeUtc: twoYearsAgo,
  });
  await customerWrites(request, { ...newCustomer, account: account.igAccountId, text: "Just now" });
  // This account's conversations only: the old one sorts last, after every other spec's.
  await page.goto(`/?account=${account.id}`);
  await expect(page.getByRole("listitem", { name: oldCustomer.name })).toBeVisible();
  await expect(page.getByRole("listitem", { name: newCustomer.name })).toBeVisible();

  await page.goto("/admin/accounts");
  const retention = page.getByRole("region", { name: account.displayName }).getByRole("group", { name: "Retention" });
  const on = retention.getByRole("checkbox", { name: "Delete old conversations automatically" });
  await expect(on).not.toBeChecked();
  await expect(retention.getByText("No run yet.")).toBeVisible();
  await on.check();
  await retention.getByRole("spinbutton", { name: "Delete conversations older than" }).fill("12");
  // Turning it on waits for a preview of these months.
  const save = retention.getByRole("button", { name: "Save retention" });
  await expect(save).toBeDisabled();
  await retention.getByRole("button", { name: "Preview deletion" }).click();
  await expect(retention.getByRole("status", { name: "Retention preview" })).toHaveText(
    /^1 conversation, 1 message and 0 uploaded images would be deleted now: conversations whose last message is before /,
  );
  const saved = page.waitForResponse((r) => r.url().endsWith("/retention") && r.request().method() === "PUT");
  await save.click();
  expect((await saved).status()).toBe(200);

  // The worker runs at once; the card shows the figures of the finished run (asked for again on
  // a reload, or by itself every 30 s).
  await expect(async () => {
    await page.reload();
    const card = page.getByRole("region", { name: account.displayName }).getByRole("group", { name: "Retention" });
    await expect(card.getByText(/^(No run yet|Running since|Last run)/)).toBeVisible();
    await expect(
      card.getByText(/^Last run .*: 1 conversation, 1 message and 0 uploaded images deleted\.$/),
    ).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });

  await page.goto(`/?account=${account.id}`);
  await expect(page.getByRole("listitem", { name: newCustomer.name })).toBeVisible();
  await expect(page.getByRole("listitem", { name: oldCustomer.name })).toHaveCount(0);
});
