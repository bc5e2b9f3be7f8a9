import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, DEMO_ADMIN, SAME_ORIGIN, signIn } from "./support/auth";
import { SIMULATOR_URL } from "./support/simulator";

// The admin pages end to end: linking an account against the CM simulator, and managing
// people down to a deactivated agent's open inbox being signed out live. The database lives
// for the whole run, so every name here is unique to this run.

const CONNECTED = "Connected: CM.com accepted the product token.";
const UNKNOWN_TOKEN = "The product token is not known to CM";
const mask = (token: string) => `••••••••-••••-••••-••••-••••••••${token.slice(-4)}`;

async function signInWithForm(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Neither the page nor the API may ever hand a product token back once it is stored. */
async function expectTokenHidden(page: Page, token: string): Promise<void> {
  expect(await page.content()).not.toContain(token);
  const response = await page.request.get("/api/admin/accounts");
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain(token);
}

test("an admin links an account, copies its webhook URL and tests the connection", async ({
  page,
  context,
  request,
}) => {
  const run = Date.now();
  const igAccountId = `1784${run}`;
  const displayName = `E2E shop ${run}`;
  const token = randomUUID();
  const unknownToken = randomUUID();
  // The simulator plays CM: only a token registered there passes authentication.
  const registered = await request.post(`${SIMULATOR_URL}/_sim/accounts`, {
    data: { productToken: token, igAccountId, name: displayName, webhooks: {} },
  });
  expect(registered.ok()).toBe(true);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  try {
    await page.goto("/admin/accounts");
    await signInWithForm(page, DEMO_ADMIN);
    await expect(page).toHaveURL(/\/admin\/accounts$/);
    await expect(page.getByRole("heading", { name: "Instagram accounts", level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "Link an account" });
    await form.getByLabel("Instagram account ID").fill("not-digits");
    await form.getByLabel("Display name").fill(displayName);
    await form.getByLabel("CM product token").fill("not-a-guid");
    await form.getByRole("button", { name: "Link account" }).click();
    await expect(form.getByText("Instagram account ID must be the Instagram account ID")).toBeVisible();
    await expect(form.getByText("CM product token must be a CM product token")).toBeVisible();

    await form.getByLabel("Instagram account ID").fill(igAccountId);
    await form.getByLabel("CM product token").fill(token);
    await form.getByRole("button", { name: "Link account" }).click();
    await expect(form.getByRole("status")).toContainText(`Linked ${displayName}.`);
    await expect(form.getByLabel("CM product token")).toHaveValue("");

    const card = page.getByRole("region", { name: displayName });
    await expect(card).toContainText(igAccountId);
    await expect(card).toContainText(mask(token));
    await expect(card).toContainText("Enabled");
    await expectTokenHidden(page, token);

    // Linking the same Instagram account twice is refused with the server's reason.
    await form.getByLabel("Instagram account ID").fill(igAccountId);
    await form.getByLabel("Display name").fill(`${displayName} again`);
    await form.getByLabel("CM product token").fill(randomUUID());
    await form.getByRole("button", { name: "Link account" }).click();
    await expect(form.getByRole("alert")).toContainText(`Instagram account ${igAccountId} is already linked`);

    const messagesUrl = card.getByRole("textbox", { name: "Messages webhook URL" });
    const url = await messagesUrl.inputValue();
    expect(url).toMatch(/\/api\/webhooks\/cm\/[^/]+\/messages$/);
    await card.getByRole("button", { name: "Copy Messages webhook URL" }).click();
    await expect(card.getByText("Copied", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const result = card.getByRole("status", { name: "Connection test result" });
    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(result).toHaveText(CONNECTED);

    await card.getByRole("button", { name: "Edit", exact: true }).click();
    await card.getByLabel("Replace product token").fill(unknownToken);
    await card.getByRole("button", { name: "Save changes" }).click();
    await expect(card.getByLabel("Replace product token")).toHaveCount(0);
    await expect(card).toContainText(mask(unknownToken));
    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(result).toContainText(UNKNOWN_TOKEN);
    await expectTokenHidden(page, unknownToken);

    await card.getByRole("button", { name: "Rotate webhook secret" }).click();
    await expect(card.getByRole("group", { name: "Rotate webhook secret" })).toContainText("Channels app");
    await card.getByRole("button", { name: "Yes, rotate" }).click();
    await expect(messagesUrl).not.toHaveValue(url);
    await expect(messagesUrl).toHaveValue(/\/api\/webhooks\/cm\/[^/]+\/messages$/);

    await card.getByRole("button", { name: "Disable" }).click();
    await expect(card).toContainText("Disabled");

    await card.getByRole("button", { name: "Remove", exact: true }).click();
    const confirm = card.getByRole("group", { name: `Remove ${displayName}` });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await card.getByRole("button", { name: "Remove", exact: true }).click();
    await confirm.getByRole("button", { name: "Yes, remove" }).click();
    await expect(card).toHaveCount(0);
  } finally {
    await request.delete(`${SIMULATOR_URL}/_sim/accounts/${token}`);
  }
});

test("the signed-in admin's own row on Agents says Online, and still does after a reload", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/agents");
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  // The list may be fetched before this page's socket is counted: the socket's arrival is
  // announced to the admins, whose tables then ask again (well before the 15 s poll).
  const ownRow = page.getByRole("row", { name: DEMO_ADMIN.email });
  await expect(ownRow).toContainText("(you)");
  await expect(ownRow).toContainText("Online");
  await page.reload();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await expect(ownRow).toContainText("Online");
});

test("an agent added by an admin cannot administer, and is signed out live when deactivated", async ({
  page,
  browser,
}) => {
  const run = Date.now();
  const agent = { name: `E2E agent ${run}`, email: `agent-${run}@example.com`, password: `password-${run}` };

  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/agents");
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill(agent.name);
  await form.getByLabel("Email").fill(agent.email);
  await form.getByLabel("Role").selectOption("agent");
  await form.getByLabel("Initial password").fill(agent.password);
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toContainText(`Added ${agent.name}`);
  const row = page.getByRole("row", { name: agent.email });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Offline");

  // The only admin can be neither demoted nor deactivated: the server says why.
  const adminRow = page.getByRole("row", { name: DEMO_ADMIN.email });
  await adminRow.getByRole("combobox", { name: /^Role of/ }).selectOption("agent");
  const people = page.getByRole("table", { name: "People who can sign in" });
  await expect(people.getByRole("alert")).toHaveText("This is the last active admin: make another admin first.");
  await expect(adminRow.getByRole("combobox", { name: /^Role of/ })).toHaveValue("admin");

  const agentContext = await browser.newContext({ baseURL: BASE_URL });
  try {
    const agentPage = await agentContext.newPage();
    await agentPage.goto("/sign-in");
    await signInWithForm(agentPage, agent);
    await expect(agentPage).toHaveURL(`${BASE_URL}/`);

    await agentPage.goto("/admin/agents");
    await expect(agentPage.getByRole("heading", { name: "Admins only" })).toBeVisible();
    expect((await agentPage.request.get("/api/admin/users")).status()).toBe(403);
    expect((await agentPage.request.post(`/api/admin/users`, { headers: SAME_ORIGIN, data: agent })).status()).toBe(
      403,
    );

    await agentPage.goto("/");
    await expect(agentPage.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    // The admin page polls presence; a reload asks at once instead of waiting for the poll.
    await page.reload();
    await expect(row).toContainText("Online");

    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toContainText("Deactivated");
    await expect(row).toContainText("Offline");
    // The agent's open inbox is sent away by the server's session.revoked event, no reload.
    await expect(agentPage).toHaveURL(/\/sign-in\?reason=revoked$/);
    await expect(agentPage.getByRole("status")).toContainText("your account was deactivated");
    expect((await agentPage.request.get("/api/conversations")).status()).toBe(401);
  } finally {
    await agentContext.close();
  }
});
