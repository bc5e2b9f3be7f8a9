import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { z } from "zod";
import { BASE_URL, DEMO_ADMIN, SAME_ORIGIN, signIn } from "./support/auth";
import { SIMULATOR_URL, customerWrites } from "./support/simulator";

// Per-account access end to end: an admin makes an agent a member of an account (from the
// account's card and from the agent's row), and the agent's open inbox follows without a
// reload; another account's conversation is "not found" to them, and its customers' messages
// never reach their browser live. The database lives for the whole run: names are unique.

const DEMO_SHOP = "Demo shop";

/** A second account, linked by the admin and known to the simulator (which plays its customers). */
async function linkAccount(admin: APIRequestContext, request: APIRequestContext, run: number) {
  const account = { igAccountId: `1785${run}`, displayName: `Access shop ${run}`, productToken: randomUUID() };
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

/** The id of a customer's conversation, as the admin (who sees every account) finds it. */
async function conversationIdOf(admin: APIRequestContext, customer: string): Promise<string> {
  const response = await admin.get("/api/conversations?limit=100");
  const { conversations } = z
    .object({
      conversations: z.array(z.object({ id: z.string(), contact: z.object({ name: z.string().nullable() }) })),
    })
    .parse(await response.json());
  const id = conversations.find((c) => c.contact.name === customer)?.id;
  if (!id) throw new Error(`no conversation of ${customer}`);
  return id;
}

const row = (page: Page, customer: string) => page.getByRole("listitem", { name: customer });

test("an agent sees, opens and hears of only the accounts an admin makes them a member of, live", async ({
  page,
  browser,
  request,
}) => {
  const run = Date.now();
  const agent = { name: `Access agent ${run}`, email: `access-${run}@example.com`, password: `password-${run}` };
  const customers = { demo: `Demo Customer ${run}`, other: `Other Customer ${run}` };

  await signIn(page, DEMO_ADMIN);
  const other = await linkAccount(page.request, request, run);
  expect(
    (await page.request.post("/api/admin/users", { headers: SAME_ORIGIN, data: { ...agent, role: "agent" } })).status(),
  ).toBe(200);
  const agentContext = await browser.newContext({ baseURL: BASE_URL });
  try {
    await customerWrites(request, { igsid: `7${run}`, name: customers.demo, username: `demo${run}`, text: "Hi!" });
    await customerWrites(request, {
      account: other.igAccountId,
      igsid: `8${run}`,
      name: customers.other,
      username: `other${run}`,
      text: "Hello from the other shop",
    });

    // A new account starts with no members; the admin page says so.
    await page.goto("/admin/accounts");
    const otherCard = page.getByRole("region", { name: other.displayName });
    await expect(otherCard).toContainText("No agent can see this account yet");
    const demoMembers = page.getByRole("group", { name: `Members of ${DEMO_SHOP}` });
    await expect(demoMembers.getByRole("checkbox", { name: agent.name })).not.toBeChecked();

    // The agent, a member of nothing yet, sees neither conversation.
    const agentPage = await agentContext.newPage();
    await signIn(agentPage, agent);
    await agentPage.goto("/");
    await expect(agentPage.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    await expect(agentPage.getByText("You are not a member of any Instagram account yet")).toBeVisible();

    // From the account's side: ticked, and the demo shop's conversation appears, no reload.
    await demoMembers.getByRole("checkbox", { name: agent.name }).check();
    await expect(row(agentPage, customers.demo)).toBeVisible();
    await expect(row(agentPage, customers.other)).toHaveCount(0);

    // Another account's conversation is "not found" to the agent, the same as one that does not exist.
    const otherConversation = await conversationIdOf(page.request, customers.other);
    await agentPage.goto(`/c/${otherConversation}`);
    await expect(agentPage.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
    expect((await agentPage.request.get(`/api/conversations/${otherConversation}`)).status()).toBe(404);
    await agentPage.goto(`/c/${randomUUID()}`);
    await expect(agentPage.getByRole("heading", { name: "Conversation not found" })).toBeVisible();

    // Live: the other shop's customer writes, then the demo shop's. The admin sees both; the
    // agent gets the second and never the first.
    await agentPage.goto("/");
    await expect(agentPage.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    await row(agentPage, customers.demo).getByRole("link").click();
    await expect(agentPage.getByRole("heading", { name: customers.demo })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    await customerWrites(request, {
      account: other.igAccountId,
      igsid: `8${run}`,
      name: customers.other,
      username: `other${run}`,
      text: "Only admins and members may read this",
    });
    await customerWrites(request, {
      igsid: `7${run}`,
      name: customers.demo,
      username: `demo${run}`,
      text: "Still there?",
    });
    await expect(row(page, customers.other)).toContainText("Only admins and members may read this");
    await expect(row(page, customers.demo)).toContainText("Still there?");
    await expect(agentPage.getByRole("list", { name: "Messages" })).toContainText("Still there?");
    await expect(row(agentPage, customers.demo)).toContainText("Still there?");
    await expect(row(agentPage, customers.other)).toHaveCount(0);
    await expect(agentPage.getByText("Only admins and members may read this")).toHaveCount(0);

    // From the agent's side: the other shop ticked in their row appears; unticked, it goes.
    await page.goto("/admin/agents");
    const agentAccounts = page.getByRole("group", { name: `Accounts of ${agent.name}` });
    await expect(agentAccounts.getByRole("checkbox", { name: DEMO_SHOP })).toBeChecked();
    await agentAccounts.getByRole("checkbox", { name: other.displayName }).check();
    await expect(row(agentPage, customers.other)).toBeVisible();
    await agentAccounts.getByRole("checkbox", { name: other.displayName }).uncheck();
    await expect(row(agentPage, customers.other)).toHaveCount(0);

    // Removed from the demo shop while its conversation is open: it goes from the list, and the
    // open thread says "not found", without a reload.
    await agentAccounts.getByRole("checkbox", { name: DEMO_SHOP }).uncheck();
    await expect(row(agentPage, customers.demo)).toHaveCount(0);
    await expect(agentPage.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
    await expect(agentPage.getByRole("list", { name: "Messages" })).toHaveCount(0);

    // The admin page, reloaded, shows what the server stored.
    await page.reload();
    await expect(agentAccounts.getByRole("checkbox", { name: DEMO_SHOP })).not.toBeChecked();
    await expect(agentAccounts.getByRole("checkbox", { name: other.displayName })).not.toBeChecked();
  } finally {
    await agentContext.close();
    await page.request.delete(`/api/admin/accounts/${other.id}`, { headers: SAME_ORIGIN });
    await request.delete(`${SIMULATOR_URL}/_sim/accounts/${other.productToken}`);
  }
});
