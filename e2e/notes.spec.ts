import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { BASE_URL, DEMO_ADMIN, DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { DEMO_IG_ACCOUNT, customerWrites, sentMessages } from "./support/simulator";

// Issue 11: private notes (agents only, never sent to CM), @mentions, and notifications while
// the inbox's tab is hidden. A is the demo agent ("Alex Agent"); B is an agent the admin adds
// to the demo account for the test.

interface TCaptured {
  title: string;
  body: string;
}

/**
 * A browser context whose pages can be "hidden" on demand (document.visibilityState, as when
 * the agent switched tabs) and record every Notification they create.
 */
async function hideableContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.grantPermissions(["notifications"], { origin: BASE_URL });
  await context.addInitScript(() => {
    const state = { hidden: false };
    const shown: { title: string; body: string }[] = [];
    Object.assign(window, { __tab: state, __notifications: shown });
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (state.hidden ? "hidden" : "visible"),
    });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => state.hidden });
    const Original = window.Notification;
    function Captured(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body ?? "" });
      return new Original(title, options);
    }
    Object.defineProperty(Captured, "permission", { get: () => Original.permission });
    Object.assign(Captured, { requestPermission: () => Original.requestPermission() });
    Object.assign(window, { Notification: Captured });
  });
  return context;
}

const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((value) => {
    (window as unknown as { __tab: { hidden: boolean } }).__tab.hidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);

const captured = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notifications: TCaptured[] }).__notifications);

/** A second agent, member of the demo account. */
async function addAgent(browser: Browser, name: string) {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN);
  const run = Date.now();
  const agent = { name, email: `notes-${run}@example.com`, password: `password-${run}` };
  const created = await admin.request.post(`${BASE_URL}/api/admin/users`, {
    headers: SAME_ORIGIN,
    data: { ...agent, role: "agent" },
  });
  expect(created.status()).toBe(200);
  const { accounts } = (await (await admin.request.get(`${BASE_URL}/api/admin/accounts`)).json()) as {
    accounts: { id: string; igAccountId: string }[];
  };
  const demo = accounts.find((x) => x.igAccountId === DEMO_IG_ACCOUNT);
  const userId = ((await created.json()) as { user: { id: string } }).user.id;
  const joined = await admin.request.put(`${BASE_URL}/api/admin/memberships`, {
    headers: SAME_ORIGIN,
    data: { accountId: demo?.id, userId, member: true },
  });
  expect(joined.status()).toBe(200);
  await admin.context().close();
  return agent;
}

async function openConversation(page: Page, name: string) {
  await page.goto("/?view=all");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

test("a note shows as a note for another agent live, is never sent, and its @mention notifies the agent named", async ({
  browser,
}) => {
  const bea = await addAgent(browser, `Bea Notes ${Date.now() % 100_000}`);
  const a = await (await browser.newContext()).newPage();
  const b = await (await hideableContext(browser)).newPage();
  await signIn(a, DEMO_AGENT);
  await signIn(b, bea);
  const igsid = String(8_700_000_000_000_000 + (Date.now() % 1_000_000));
  const name = `Note Tester ${igsid.slice(-4)}`;
  await customerWrites(a.request, { igsid, name, username: "note.tester", text: "My parcel never came" });
  await openConversation(a, name);
  await openConversation(b, name);

  const toggle = a.getByRole("button", { name: "Note", exact: true });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const noteBox = a.getByRole("textbox", { name: "Private note" });
  await noteBox.fill("Customer called twice, be gentle");
  await noteBox.press("Enter");

  const note = /^Note by Alex Agent, only agents see this: Customer called twice, be gentle$/;
  for (const page of [a, b]) {
    const bubble = page.getByRole("listitem", { name: note });
    await expect(bubble).toBeVisible();
    await expect(bubble).toContainText("Only agents see this");
  }
  await expect(noteBox).toHaveValue("");

  // B looks elsewhere; A mentions B in a note: B is told, and the tab's title counts it.
  await setHidden(b, true);
  // Typing "@" lists the agents who can see the conversation; Enter puts the name in.
  await noteBox.pressSequentially("@bea n");
  const picker = a.getByRole("listbox", { name: "Agents to mention" });
  await expect(picker.getByRole("option", { name: new RegExp(`^@${bea.name}`) })).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);
  await noteBox.press("Enter");
  await expect(picker).toBeHidden();
  await expect(noteBox).toHaveValue(`@${bea.name} `);
  await noteBox.pressSequentially("can you call them back?");
  await a.getByRole("button", { name: "Add note" }).click();
  await expect(a.getByRole("listitem", { name: new RegExp(`can you call them back`) })).toBeVisible();
  await expect
    .poll(() => captured(b))
    .toEqual([{ title: "Alex Agent mentioned you", body: `Note on ${name}: @${bea.name} can you call them back?` }]);
  await expect(b).toHaveTitle(/^\(1\) /);
  await setHidden(b, false);
  await expect(b).not.toHaveTitle(/^\(\d+\) /);
  await expect(b.getByRole("listitem", { name: /can you call them back/ }).getByText(`@${bea.name}`)).toBeVisible();
  // Note mode, a note and a highlighted mention, for axe at desktop and phone width.
  expect(await seriousViolations(a)).toEqual([]);
  await a.setViewportSize({ width: 390, height: 800 });
  expect(await seriousViolations(a)).toEqual([]);
  await a.setViewportSize({ width: 1280, height: 800 });

  // Back to replying: the reply reaches the simulator, the notes never do.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const replyBox = a.getByRole("textbox", { name: "Message" });
  await replyBox.fill("We are on it!");
  await replyBox.press("Enter");
  await expect(a.getByRole("listitem", { name: "You: We are on it!" })).toContainText(/Sent|Delivered/);
  const sent = await sentMessages(a.request, igsid);
  expect(sent).toHaveLength(1);
  expect(JSON.stringify(sent)).toContain("We are on it!");
  expect(JSON.stringify(sent)).not.toMatch(/gentle|call them back/);
});

test("with the tab hidden, a customer's message raises a notification and counts in the title", async ({ browser }) => {
  const page = await (await hideableContext(browser)).newPage();
  await signIn(page, DEMO_AGENT);

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Notifications" });
  await expect(section.getByRole("status", { name: "Browser permission" })).toHaveText(
    "Desktop notifications are allowed in this browser.",
  );
  await expect(section.getByRole("checkbox", { name: "Show a desktop notification" })).toBeChecked();
  await expect(section.getByRole("checkbox", { name: "Count new messages in the tab's title" })).toBeChecked();

  await page.goto("/");
  await expect(page.getByRole("list", { name: "Conversations" })).toBeVisible();
  await setHidden(page, true);
  const igsid = String(8_600_000_000_000_000 + (Date.now() % 1_000_000));
  const name = `Notify Tester ${igsid.slice(-4)}`;
  await customerWrites(page.request, { igsid, name, username: "notify.tester", text: "Hello, anyone?" });
  await expect.poll(() => captured(page)).toContainEqual({ title: name, body: "Hello, anyone?" });
  await customerWrites(page.request, { igsid, name, username: "notify.tester", text: "Still here" });
  await expect.poll(() => captured(page)).toContainEqual({ title: name, body: "Still here" });
  await expect(page).toHaveTitle(/^\(2\) /);

  await setHidden(page, false);
  await expect(page).not.toHaveTitle(/^\(\d+\) /);
  // Visible: a new message is seen in the list, nothing pops up.
  await customerWrites(page.request, { igsid, name, username: "notify.tester", text: "Seen live" });
  await expect(page.getByRole("listitem", { name })).toContainText("Seen live");
  expect((await captured(page)).map((n) => n.body)).not.toContain("Seen live");
});

test("a note can be added while the reply window is closed", async ({ page }) => {
  const igsid = String(8_500_000_000_000_000 + (Date.now() % 1_000_000));
  const name = `Closed Window ${igsid.slice(-4)}`;
  const lastWeek = new Date(Date.now() - 8 * 24 * 3_600_000).toISOString();
  await customerWrites(page.request, { igsid, name, username: "closed.window", text: "hello?", timeUtc: lastWeek });
  await signIn(page, DEMO_AGENT);
  // A week old, it sorts below every conversation the other tests started: found by search.
  await page.goto("/?view=all");
  await page.getByRole("searchbox", { name: "Search conversations" }).fill(name);
  await page
    .getByRole("option", { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("status", { name: "Why you cannot reply" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeDisabled();

  await page.getByRole("button", { name: "Note", exact: true }).click();
  await expect(page.getByRole("status", { name: "Why you cannot reply" })).toHaveCount(0);
  const noteBox = page.getByRole("textbox", { name: "Private note" });
  await noteBox.fill("Window closed: called the customer by phone");
  await noteBox.press("Enter");
  await expect(
    page.getByRole("listitem", { name: /only agents see this: Window closed: called the customer by phone$/ }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("listitem", { name: /only agents see this: Window closed: called the customer by phone$/ }),
  ).toBeVisible();
  expect(await sentMessages(page.request, igsid)).toEqual([]);
});

test("an @mention while the agent's tab is in view shows in the page and opens the conversation", async ({
  browser,
  page,
}) => {
  const run = Date.now();
  const mentioned = await addAgent(browser, `Vera Visible ${run}`);
  const name = `Mention Tester ${String(run).slice(-4)}`;
  await customerWrites(page.request, {
    igsid: String(8_600_000_000_000 + (run % 1_000_000)),
    name,
    username: "mention.tester",
    text: "Hi",
  });

  const vera = await (await browser.newContext()).newPage();
  await signIn(vera, mentioned);
  await vera.goto("/saved-replies");
  await expect(vera.getByRole("status", { name: "Connection: Live" })).toBeVisible();

  await signIn(page, DEMO_AGENT);
  await openConversation(page, name);
  await page.getByRole("button", { name: "Note", exact: true }).click();
  await page.getByRole("textbox", { name: "Private note" }).fill(`@Vera Visible ${run} can you take this one?`);
  await page.getByRole("button", { name: "Add note" }).click();

  const mentions = vera.getByRole("status", { name: "Mentions" });
  await expect(mentions).toContainText("Alex Agent mentioned you");
  await expect(mentions).toContainText("can you take this one?");
  await mentions.getByRole("link", { name: "Open the conversation" }).click();
  await expect(vera.getByRole("heading", { name })).toBeVisible();
  await expect(mentions).not.toContainText("mentioned you");
  await vera.context().close();
});
