import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import { DEMO_ADMIN, SAME_ORIGIN, signIn } from "./support/auth";
import { SIMULATOR_URL, customerWrites, sentMessages } from "./support/simulator";

// Satisfaction surveys end to end (issue 19): an admin switches the survey on for an account
// (its own, so the other specs' resolutions send nothing), a customer writes, the conversation
// is resolved, the survey goes to Instagram (the simulator) as five quick replies, the
// simulated customer taps "😍 5", and the thread shows the score, live, without reopening.

/** An account of this spec's own, linked by the admin and known to the simulator. */
async function linkAccount(admin: APIRequestContext, request: APIRequestContext, run: number) {
  const account = { igAccountId: `1786${run}`, displayName: `Survey shop ${run}`, productToken: randomUUID() };
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

test("a survey is sent on resolve, the customer taps 5, and the score shows in the thread and the reports", async ({
  page,
  request,
}) => {
  const run = Date.now();
  const igsid = `9${run}`;
  const customer = { igsid, name: `Survey Sue ${run}`, username: `sue${run}` };
  await signIn(page, DEMO_ADMIN);
  const account = await linkAccount(page.request, request, run);

  // The admin switches the survey on, in the account's card (off by default).
  await page.goto("/admin/accounts");
  const card = page.getByRole("region", { name: account.displayName });
  const settings = card.getByRole("form", { name: "Hours and survey" });
  const survey = settings.getByRole("checkbox", { name: "Send a satisfaction survey when a conversation is resolved" });
  await expect(survey).not.toBeChecked();
  await survey.check();
  const saved = page.waitForResponse((r) => r.url().endsWith("/settings") && r.request().method() === "PUT");
  await settings.getByRole("button", { name: "Save hours and survey" }).click();
  expect((await saved).status()).toBe(200);

  // A customer writes; the conversation is resolved.
  await customerWrites(request, { ...customer, account: account.igAccountId, text: "My parcel arrived, thanks!" });
  await page.goto("/");
  await page.getByRole("listitem", { name: customer.name }).getByRole("link").click();
  await expect(page.getByRole("listitem", { name: "Customer: My parcel arrived, thanks!" })).toBeVisible();
  await page.getByRole("button", { name: "Resolve" }).click();

  // The survey reaches Instagram as quick replies, and shows in the thread as sent by "Survey".
  await expect(page.getByText("Survey", { exact: true })).toBeVisible();
  let postback = "";
  await expect(async () => {
    const sent = JSON.stringify(await sentMessages(request, igsid));
    expect(sent).toContain("or reply with a number from 1 to 5");
    for (const label of ["😞 1", "🙁 2", "😐 3", "🙂 4", "😍 5"]) expect(sent).toContain(label);
    postback = /survey:[A-Za-z0-9_-]+:5/.exec(sent)?.[0] ?? "";
    expect(postback).not.toBe("");
  }).toPass();

  // The customer taps "😍 5" in the Instagram app.
  await customerWrites(request, {
    ...customer,
    account: account.igAccountId,
    quickReply: { label: "😍 5", postbackData: postback },
  });
  await expect(page.getByText(/Rated 5\/5 😍/)).toBeVisible();
  // The answer does not reopen the conversation: it can be reopened, not resolved.
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  // The follow-up question went out too.
  await expect(async () => {
    expect(JSON.stringify(await sentMessages(request, igsid))).toContain("Anything to add?");
  }).toPass();

  // The score counts in the lead's reports for this account today: one answer, CSAT 100 %.
  await page.goto(`/admin/reports?range=today&accountId=${account.id}`);
  const figure = (key: string) => page.getByTestId(`figure-${key}`).getByRole("definition").first();
  await expect(figure("csatAnswers")).toHaveText("1");
  await expect(figure("csat")).toHaveText("100%");
});
