import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites } from "./support/simulator";

// Issue 19, Reports: the lead's overview moves when a customer writes and an agent answers
// (the figures come from ReportEvent, recorded as messages come and go), a table's CSV holds
// what the table shows, and axe finds nothing serious on the reports at desktop and phone width.

/** A figure's value as the overview shows it ("—" when nothing was measured). */
async function figure(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`figure-${key}`).getByRole("definition").first().textContent()) ?? "";
}

// Each test drives two or three signed-in browsers and runs axe several times: on this shared
// 2-core machine that takes longer than the default minute.
test.describe.configure({ timeout: 150_000 });

const asNumber = (text: string) => Number(text.replace(/,/g, ""));

/** A new customer writes and the demo agent answers them in the inbox. */
async function customerWritesAndAgentReplies(browser: Browser, request: APIRequestContext): Promise<void> {
  const context = await browser.newContext();
  const agent = await context.newPage();
  await signIn(agent, DEMO_AGENT);
  const igsid = String(8_100_000_000 + Math.floor(Math.random() * 1e8));
  const name = `Report Customer ${igsid.slice(-4)}`;
  await customerWrites(request, { igsid, name, username: "report.customer", text: "Where is my order?" });
  await agent.goto("/");
  await agent.getByRole("listitem", { name }).getByRole("link").click();
  await agent.getByRole("textbox", { name: "Message" }).fill("It ships today.");
  await agent.getByRole("textbox", { name: "Message" }).press("Enter");
  await expect(agent.getByRole("listitem", { name: "You: It ships today." })).toBeVisible();
  await context.close();
}

test("a lead sees the overview change after a customer writes and an agent replies", async ({ browser, request }) => {
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, DEMO_ADMIN);

  await lead.goto("/");
  await lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(lead.getByRole("heading", { name: "Reports" })).toBeVisible();
  await expect(lead.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await lead.getByRole("group", { name: "Range" }).getByRole("button", { name: "Today" }).click();
  await expect(lead).toHaveURL(/[?&]range=today\b/);
  // Loaded afresh: right after the click the figures may still be the previous range's
  // (7 days, which holds older tests' back-dated messages) until today's arrive.
  await lead.reload();
  await expect(lead.getByTestId("figure-messagesIn")).toBeVisible();
  const inBefore = asNumber(await figure(lead, "messagesIn"));
  const outBefore = asNumber(await figure(lead, "messagesOut"));

  await customerWritesAndAgentReplies(browser, request);

  // A report is read on demand: the lead loads the page again until the facts are counted.
  await expect(async () => {
    await lead.reload();
    expect(asNumber(await figure(lead, "messagesIn"))).toBe(inBefore + 1);
    expect(asNumber(await figure(lead, "messagesOut"))).toBe(outBefore + 1);
    expect(await figure(lead, "firstResponseMedian")).not.toBe("—");
  }).toPass({ timeout: 20_000 });

  // The chart has a name, and its numbers are a table too.
  const chart = lead.getByRole("figure", { name: "Messages over time" });
  await expect(chart).toBeVisible();
  await chart.getByText("Show data").click();
  await expect(chart.getByRole("table", { name: "Messages over time: the numbers" })).toBeVisible();
  await expect(lead.getByRole("table", { name: /Incoming messages by weekday and hour/ })).toBeVisible();

  // A response was measured today; a week long ago had none, and its chart says so.
  const times = lead.getByRole("figure", { name: "Response times over time" });
  await expect(times).toBeVisible();
  await expect(times.getByText(/No response time measured/)).toBeHidden();
  await lead.goto("/admin/reports?range=custom&from=2001-01-01&to=2001-01-07");
  await expect(times.getByText("No response time measured in this period yet", { exact: false })).toBeVisible();
  await expect(lead.getByTestId("figure-firstResponseMedian").getByRole("definition").first()).toHaveText("—");
});

test("while a new range loads, the previous range's figures are marked as such and dimmed", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/reports?range=7d");
  await expect(page.getByTestId("figure-messagesIn")).toBeVisible();
  // The 30 days' answer is held back until released: the page keeps the 7 days' figures meanwhile.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/admin\/reports\/overview\?.*range=30d/, async (route) => {
    await released;
    await route.continue();
  });
  await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "30 days" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Loading the figures for your new selection" });
  await expect(notice).toBeVisible();
  await expect(page.getByTestId("figure-messagesIn")).toBeVisible();
  await expect(page.locator("[data-kept]").getByTestId("figure-messagesIn")).toBeVisible();
  release();
  await expect(notice).toBeHidden();
  await expect(page.locator("[data-kept]")).toHaveCount(0);
  await expect(page.getByTestId("figure-messagesIn")).toBeVisible();
});

test("CSV export downloads what the table shows", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/reports?range=30d");
  await page.getByRole("tab", { name: "Agents" }).click();
  await expect(page).toHaveURL(/[?&]tab=agents\b/);
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();
  await page.getByRole("button", { name: "Replies sent" }).click();
  await expect(page).toHaveURL(/sort=repliesSent/);
  const table = page.getByRole("table", { name: "By agent" });
  const shown = (await table.isVisible())
    ? await table
        .getByRole("row")
        .evaluateAll((rows) =>
          rows.slice(1).map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())),
        )
    : [];

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^report-agents-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Agent,Conversations handled,First response median (seconds),First response p90 (seconds),Resolution median (seconds),Replies sent,CSAT (%),Survey answers,SLA breaches,SLA met (%)",
  );
  const rows = lines.slice(1).map((line) => line.split(","));
  expect(rows.length).toBe(shown.length);
  // Same rows, same order: the names, conversations handled and replies sent as the table shows them.
  expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual(shown.map((r) => [r[0], r[1], r[5]]));
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 812 },
]) {
  test(`axe finds nothing serious on the reports at ${viewport.name} width`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    await signIn(page, DEMO_ADMIN);
    await page.goto("/admin/reports?range=7d");
    await expect(page.getByRole("figure", { name: "Conversations over time" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: "Accounts" }).click();
    await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/reports-${viewport.name}.png`, fullPage: true });

    const agent = await (
      await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } })
    ).newPage();
    await signIn(agent, DEMO_AGENT);
    await agent.goto("/");
    await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My performance" }).click();
    await expect(agent.getByRole("heading", { name: "My performance" })).toBeVisible();
    await expect(
      agent.getByRole("list", { name: "Your figures" }).or(agent.getByTestId("figure-resolved")),
    ).toBeVisible();
    expect(await seriousViolations(agent)).toEqual([]);
    await agent.screenshot({ path: `test-results/performance-${viewport.name}.png`, fullPage: true });
    await context.close();
  });
}
