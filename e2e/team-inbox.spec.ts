import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, DEMO_ADMIN, DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";
import { DEMO_IG_ACCOUNT, customerWrites } from "./support/simulator";

// Issue 9: two agents divide the inbox, live. A is the demo agent; B is a second agent the
// admin adds and makes a member of the demo account.

const count = (page: Page, view: "mine" | "unassigned" | "all") => page.getByTestId(`count-${view}`);
const readCount = async (page: Page, view: "mine" | "unassigned" | "all") =>
  Number((await count(page, view).innerText()).replace(/\D/g, ""));

test("A takes a conversation, B sees it leave Unassigned; resolved, then the customer writes and both see it reopened", async ({
  browser,
}) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  const run = Date.now();
  const bea = { name: `Bea ${run}`, email: `bea-${run}@example.com`, password: `password-${run}` };
  await signIn(admin, DEMO_ADMIN);
  const created = await admin.request.post(`${BASE_URL}/api/admin/users`, {
    headers: SAME_ORIGIN,
    data: { ...bea, role: "agent" },
  });
  expect(created.status()).toBe(200);
  const accounts = (await (await admin.request.get(`${BASE_URL}/api/admin/accounts`)).json()) as {
    accounts: { id: string; igAccountId: string }[];
  };
  const demo = accounts.accounts.find((x) => x.igAccountId === DEMO_IG_ACCOUNT);
  const beaId = ((await created.json()) as { user: { id: string } }).user.id;
  const joined = await admin.request.put(`${BASE_URL}/api/admin/memberships`, {
    headers: SAME_ORIGIN,
    data: { accountId: demo?.id, userId: beaId, member: true },
  });
  expect(joined.status()).toBe(200);
  await signIn(a, DEMO_AGENT);
  await signIn(b, bea);
  const igsid = String(8_800_000_000_000_000 + (Date.now() % 1_000_000));
  const name = `Team Tester ${igsid.slice(-4)}`;
  await customerWrites(a.request, { igsid, name, username: "team.tester", text: "Is anyone there?" });

  await b.goto("/?view=unassigned");
  await expect(b.getByRole("link", { name: "Unassigned" })).toHaveAttribute("aria-current", "page");
  const bRow = b.getByRole("listitem", { name });
  await expect(bRow).toBeVisible();
  await expect(count(b, "unassigned")).toBeVisible();
  const unassignedBefore = await readCount(b, "unassigned");

  await a.goto("/");
  await a.getByRole("listitem", { name }).getByRole("link").click();
  await expect(a.getByRole("heading", { name })).toBeVisible();
  await a.getByRole("button", { name: "Assign to me" }).click();
  await expect(a.getByText("Assigned to you")).toBeVisible();
  await expect(a.getByRole("listitem", { name: /assigned this to themselves/ })).toBeVisible();

  // B, without a reload: gone from Unassigned, and the counts moved.
  await expect(bRow).toBeHidden();
  await expect(count(b, "unassigned")).toHaveText(new RegExp(`^${unassignedBefore - 1}\\b`));
  await b.getByRole("link", { name: "All" }).click();
  await expect(b).toHaveURL(/\/$|\/\?$/);
  await expect(b.getByRole("listitem", { name })).toContainText("Alex Agent");

  // A resolves it: it leaves the open lists of both.
  await a.getByRole("button", { name: "Resolve" }).click();
  await expect(a.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(b.getByRole("listitem", { name })).toBeHidden();

  // The customer writes again: open again for both, with the system line in the thread.
  await b.goto(`/?status=resolved`);
  await expect(b.getByRole("listitem", { name })).toBeVisible();
  await customerWrites(a.request, { igsid, name, username: "team.tester", text: "One more question" });
  await expect(b.getByRole("listitem", { name })).toBeHidden();
  await b.getByRole("link", { name: "All" }).click();
  await b.getByRole("button", { name: /^Filters/ }).click();
  await b.getByLabel("Status").selectOption("open");
  await b.getByRole("listitem", { name }).getByRole("link").click();
  await expect(b.getByRole("listitem", { name: /Reopened: the customer wrote/ })).toBeVisible();
  await expect(a.getByRole("listitem", { name: /Reopened: the customer wrote/ })).toBeVisible();
  await expect(a.getByRole("button", { name: "Resolve" })).toBeVisible();

  // B takes it over from A: asked first.
  await b.getByRole("button", { name: "Assign to me" }).click();
  const dialog = b.getByRole("dialog", { name: "Alex Agent holds this conversation" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reassign" }).click();
  await expect(b.getByText("Assigned to you")).toBeVisible();
  await expect(a.getByText(new RegExp(`Assigned to ${bea.name}`))).toBeVisible();
});

test("the view, filters and order live in the URL: reload and Back show the same list", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  await page.getByRole("link", { name: "Mine" }).click();
  await expect(page).toHaveURL(/view=mine/);
  await page.getByRole("button", { name: /^Filters/ }).click();
  await page.getByLabel("Sort").selectOption("waiting");
  await expect(page).toHaveURL(/sort=waiting/);
  await page.reload();
  await expect(page.getByRole("link", { name: "Mine" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(page.getByLabel("Sort")).toHaveValue("waiting");
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=waiting/);
  await expect(page).toHaveURL(/view=mine/);
});

test("snooze hides a conversation from the open list until it wakes", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  const igsid = String(8_900_000_000_000_000 + (Date.now() % 1_000_000));
  const name = `Snooze Tester ${igsid.slice(-4)}`;
  await customerWrites(page.request, { igsid, name, username: "snooze.tester", text: "Tomorrow is fine" });
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await page.getByRole("button", { name: "Snooze" }).click();
  await page.getByRole("button", { name: /^Tomorrow/ }).click();
  await expect(page.getByText(/Snoozed until/)).toBeVisible();
  await expect(page.getByRole("listitem", { name: /Snoozed by Alex Agent until/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Conversations" }).getByRole("listitem", { name })).toBeHidden();
  await page.goto("/?status=snoozed");
  await expect(page.getByRole("listitem", { name })).toContainText("Snoozed");
});
