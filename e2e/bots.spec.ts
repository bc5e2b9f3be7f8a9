import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, signIn } from "./support/auth";
import { postDemoMessage, startServer, type TServerProcess } from "./support/server-process";

// A bot answers first (issue 21), as the team sees it: an admin makes a bot token in Admin →
// API tokens; a customer's new conversation goes to the bot, not to the team's open list (whose
// empty state points to it); the bot answers and hands over through the API; the agent sees
// what the bot said and gets the conversation in Unassigned. Its own instance: a bot takes
// every new conversation of its accounts, which the other tests' shared server must not see.

const PORT = 3743;

test("a bot token answers a new conversation first and hands it to the team, as the agent sees it", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "inbox-bots-"));
  let app: TServerProcess | undefined;
  try {
    app = await startServer(PORT, { DATA_DIR: dataDir });
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, DEMO_ADMIN, app.url);
    await admin.goto(`${app.url}/admin/api-tokens`);
    const form = admin.getByRole("form", { name: "Create an API token" });
    await form.getByRole("textbox", { name: "Name" }).fill("Order bot");
    await form.getByRole("checkbox", { name: /Send messages and write notes/ }).check();
    await form.getByRole("checkbox", { name: /Assign, label, resolve and snooze/ }).check();
    await form.getByRole("checkbox", { name: /This token is a bot/ }).check();
    await form.getByRole("spinbutton", { name: "Hand over after this many seconds of silence" }).fill("3600");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await admin
      .getByRole("region", { name: "Order bot: copy the token now" })
      .getByRole("textbox", { name: "New API token" })
      .inputValue();

    const agent = await (await browser.newContext()).newPage();
    await signIn(agent, DEMO_AGENT, app.url);
    await agent.goto(app.url);
    await expect(agent.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    const answer = await postDemoMessage(app.url, {
      igsid: "4300001",
      name: "Bot Customer",
      username: "botcustomer",
      text: "where is my parcel?",
    });
    expect(answer.status).toBe(200);

    // Not in the team's open list; its empty state leads to the bot's conversations.
    await expect(agent.getByText("No open conversations")).toBeVisible();
    await expect(agent.getByRole("listitem", { name: "Bot Customer" })).toHaveCount(0);
    await agent.getByRole("button", { name: "Show conversations with a bot" }).click();
    await expect(agent).toHaveURL(/status=bot/);
    const row = agent.getByRole("listitem", { name: "Bot Customer" });
    await expect(row).toContainText("where is my parcel?");
    await row.getByRole("link").click();
    await expect(agent.getByText("Order bot (a bot) answers first")).toBeVisible();

    // The bot, from outside: only its token.
    const outside = await playwright.request.newContext({
      baseURL: app.url,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    const id = new URL(agent.url()).pathname.split("/").at(-1) ?? "";
    const sent = await outside.post(`/api/v1/conversations/${id}/messages`, {
      data: { content: { kind: "text", text: "It left our warehouse this morning." } },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    const thread = agent.getByRole("region", { name: "Thread" });
    await expect(thread).toContainText("It left our warehouse this morning.");
    await expect(thread).toContainText("via API: Order bot");

    const handedOver = await outside.post(`/api/v1/conversations/${id}/handover`);
    expect(handedOver.status(), await handedOver.text()).toBe(200);
    await expect(thread).toContainText("Order bot handed this to the team");
    await expect(agent.getByText("Order bot (a bot) answers first")).toHaveCount(0);
    await agent.goto(`${app.url}/?view=unassigned`);
    await expect(agent.getByRole("listitem", { name: "Bot Customer" })).toContainText("It left our warehouse");
    await outside.dispose();
  } finally {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
