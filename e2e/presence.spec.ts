import { expect, test, type Browser, type Page } from "@playwright/test";
import { BASE_URL, DEMO_ADMIN, DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { DEMO_IG_ACCOUNT, customerWrites, sentMessages } from "./support/simulator";

// Issue 11: two agents in one conversation see each other and each other's typing; one who
// started writing before the other sent is asked before sending too. And the keyboard.

const AGENT_A = "Alex Agent";

/** A second agent, member of the demo account, signed in in a browser of their own. */
async function secondAgent(browser: Browser): Promise<{ page: Page; name: string }> {
  const admin = await (await browser.newContext()).newPage();
  const run = Date.now();
  const bea = { name: `Bea ${run}`, email: `bea-presence-${run}@example.com`, password: `password-${run}` };
  await signIn(admin, DEMO_ADMIN);
  const created = await admin.request.post(`${BASE_URL}/api/admin/users`, {
    headers: SAME_ORIGIN,
    data: { ...bea, role: "agent" },
  });
  expect(created.status()).toBe(200);
  const { accounts } = (await (await admin.request.get(`${BASE_URL}/api/admin/accounts`)).json()) as {
    accounts: { id: string; igAccountId: string }[];
  };
  const userId = ((await created.json()) as { user: { id: string } }).user.id;
  const joined = await admin.request.put(`${BASE_URL}/api/admin/memberships`, {
    headers: SAME_ORIGIN,
    data: { accountId: accounts.find((x) => x.igAccountId === DEMO_IG_ACCOUNT)?.id, userId, member: true },
  });
  expect(joined.status()).toBe(200);
  await admin.context().close();
  const page = await (await browser.newContext()).newPage();
  await signIn(page, bea);
  return { page, name: bea.name };
}

const newCustomer = (tag: string) => {
  const igsid = String(8_900_000_000_000_000 + ((Date.now() * 7 + tag.length) % 1_000_000));
  return { igsid, name: `${tag} ${igsid.slice(-4)}`, username: `${tag.toLowerCase()}.${igsid.slice(-4)}` };
};

async function openConversation(page: Page, name: string) {
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

test("two agents see each other and who is typing; the one who started first is asked before sending too", async ({
  browser,
  request,
}) => {
  const customer = newCustomer("Presence");
  await customerWrites(request, { ...customer, text: "Where is my order?" });
  const a = await (await browser.newContext()).newPage();
  await signIn(a, DEMO_AGENT);
  const b = await secondAgent(browser);

  await openConversation(a, customer.name);
  await openConversation(b.page, customer.name);
  await expect(b.page.getByText(`Also here: ${AGENT_A}`)).toBeVisible();
  await expect(a.getByText(`Also here: ${b.name}`)).toBeVisible();

  // B starts writing first; then A writes: B sees A typing (never the text), and not after A sent.
  const bBox = b.page.getByRole("textbox", { name: "Message" });
  await bBox.fill("Let me check that for you.");
  await expect(a.getByText(`${b.name} is typing…`)).toBeVisible();
  const aBox = a.getByRole("textbox", { name: "Message" });
  await aBox.pressSequentially("It ships today");
  const typing = b.page.getByText(`${AGENT_A} is typing…`);
  await expect(typing).toBeVisible();
  await expect(b.page.getByText("It ships today")).toHaveCount(0);
  await aBox.press("Enter");
  await expect.poll(async () => (await sentMessages(request, customer.igsid)).length).toBe(1);
  await expect(typing).toBeHidden();
  await expect(b.page.getByRole("list", { name: "Messages" }).getByText("It ships today")).toBeVisible();

  // B sends: first asked, showing what A sent. "Don't send" keeps the draft.
  await b.page.getByRole("button", { name: "Send", exact: true }).click();
  const question = b.page.getByRole("alertdialog", { name: "Another agent replied" });
  await expect(question).toBeVisible();
  await expect(question).toContainText("It ships today");
  await expect(question).toContainText(AGENT_A);
  expect(await seriousViolations(b.page)).toEqual([]);
  await question.getByRole("button", { name: "Don't send" }).click();
  await expect(question).toBeHidden();
  await expect(bBox).toHaveValue("Let me check that for you.");

  // A sends again: B is asked about that one only, and sends anyway.
  await aBox.fill("Tracking code follows.");
  await aBox.press("Enter");
  await expect.poll(async () => (await sentMessages(request, customer.igsid)).length).toBe(2);
  await expect(b.page.getByRole("list", { name: "Messages" }).getByText("Tracking code follows.")).toBeVisible();
  await bBox.press("Enter");
  await expect(question).toBeVisible();
  await expect(question).toContainText("Tracking code follows.");
  await expect(question).not.toContainText("It ships today");
  await question.getByRole("button", { name: "Send anyway" }).click();
  await expect(bBox).toHaveValue("");
  await expect.poll(async () => (await sentMessages(request, customer.igsid)).length).toBe(3);
  const sent = await sentMessages(request, customer.igsid);
  expect(JSON.stringify(sent.at(-1)?.msg)).toContain("Let me check that for you.");

  // The rich composer asks too: B builds quick replies, A answers meanwhile.
  await b.page.getByRole("button", { name: "Rich message" }).click();
  const rich = b.page.getByRole("form", { name: "Rich message" });
  await rich.getByRole("tabpanel").getByRole("textbox", { name: "Text" }).fill("Anything else?");
  const reply = rich.getByRole("group", { name: "Quick reply 1" });
  await reply.getByRole("textbox", { name: "Label" }).fill("No, thanks");
  await reply.getByRole("textbox", { name: "Postback data" }).fill("DONE");
  await aBox.fill("Have a nice day!");
  await aBox.press("Enter");
  await expect.poll(async () => (await sentMessages(request, customer.igsid)).length).toBe(4);
  await expect(b.page.getByRole("list", { name: "Messages" }).getByText("Have a nice day!")).toBeVisible();
  await rich.getByRole("button", { name: "Send", exact: true }).click();
  await expect(question).toContainText("Have a nice day!");
  await question.getByRole("button", { name: "Send anyway" }).click();
  await expect.poll(async () => (await sentMessages(request, customer.igsid)).length).toBe(5);

  // B leaves: A no longer sees them.
  await b.page.goto("/");
  await expect(a.getByText(`Also here: ${b.name}`)).toBeHidden();
});

test("keyboard: ? lists the shortcuts, j/k move through the list, r and / focus, a assigns, e resolves", async ({
  page,
  request,
}) => {
  const first = newCustomer("Keys");
  await customerWrites(request, { ...first, text: "First question" });
  const second = newCustomer("Keyed");
  await customerWrites(request, { ...second, text: "Second question" });
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  const rows = page.getByRole("list", { name: "Conversations" }).getByRole("listitem");
  await expect(rows.first()).toBeVisible();

  // The dialog: from the keyboard and from its button; Escape closes it and focus returns.
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Assign to me");
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const button = page.getByRole("button", { name: "Keyboard shortcuts" });
  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // j and k follow the list's order.
  const hrefOf = async (index: number) => (await rows.nth(index).getByRole("link").getAttribute("href")) ?? "";
  const [top, next] = [await hrefOf(0), await hrefOf(1)];
  await button.blur();
  await page.keyboard.press("j");
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === top);
  await page.keyboard.press("j");
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === next);
  await page.keyboard.press("k");
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === top);

  // Open the newest customer; r goes to the reply box, where keys are text; Escape leaves it.
  await page.getByRole("listitem", { name: second.name }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: second.name })).toBeVisible();
  const box = page.getByRole("textbox", { name: "Message" });
  await page.keyboard.press("r");
  await expect(box).toBeFocused();
  await page.keyboard.type("jk");
  await expect(box).toHaveValue("jk");
  await expect(page.getByRole("heading", { name: second.name })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(box).not.toBeFocused();
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search conversations" });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();

  // a: Assign to me; e: Resolve — the controls say so to a screen reader.
  await expect(page.getByRole("button", { name: "Assign to me" })).toHaveAttribute("aria-keyshortcuts", "a");
  await page.keyboard.press("a");
  await expect(page.getByText("Assigned to you")).toBeVisible();
  await page.keyboard.press("e");
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
});
