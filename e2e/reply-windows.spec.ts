import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites } from "./support/simulator";

// Issue 19, the reply-window board: customers who wrote a known time ago (CM's inbound
// webhook carries the message's time, timeUtc, and the window runs from it).

const igsidFor = (base: number) => String(base + Math.floor(Math.random() * 1e8));
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function customerWaiting(request: Parameters<typeof customerWrites>[0], base: number, minutes: number) {
  const igsid = igsidFor(base);
  const name = `Wendy Window ${igsid.slice(-5)}`;
  await customerWrites(request, {
    igsid,
    name,
    username: "wendy.window",
    text: "Is my parcel coming today?",
    timeUtc: minutesAgo(minutes),
  });
  return name;
}

test("the board shows a window closing in 50 minutes, and Assign to me takes it", async ({ page, request }) => {
  const name = await customerWaiting(request, 6_100_000_000, 23 * 60 + 10);
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reply windows" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reply windows" })).toBeVisible();

  const row = page.getByRole("region", { name: /^< 1 h/ }).getByRole("listitem", { name });
  await expect(row).toContainText(/\b(49|50) min \d\d s/);
  await expect(row).toContainText("Is my parcel coming today?");
  await expect(row).toContainText("Owner: nobody");

  await row.getByRole("button", { name: "Assign to me" }).click();
  await expect(row).toContainText("Owner: Alex Agent");
  await expect(row.getByRole("button", { name: "Assign to me" })).toHaveCount(0);

  // The inbox agrees.
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Assigned to you")).toBeVisible();
});

test("a row leaves the board live when an agent replies", async ({ page, browser, request }) => {
  const name = await customerWaiting(request, 6_200_000_000, 22 * 60);
  await signIn(page, DEMO_ADMIN);
  await page.goto("/windows");
  const row = page.getByRole("region", { name: /^1–4 h/ }).getByRole("listitem", { name });
  await expect(row).toBeVisible();
  const href = await row.getByRole("link", { name }).getAttribute("href");

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, DEMO_AGENT);
  await agent.goto(href ?? "/");
  await agent.getByRole("textbox", { name: "Message" }).fill("Yes, it leaves the depot today!");
  await agent.getByRole("button", { name: "Send", exact: true }).click();

  await expect(page.getByRole("listitem", { name })).toHaveCount(0);
  await agentContext.close();
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 812 },
]) {
  test(`axe finds nothing serious on the board at ${viewport.name} width`, async ({ page, request }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const name = await customerWaiting(request, 6_300_000_000, 23 * 60 + 30);
    await signIn(page, DEMO_AGENT);
    await page.goto("/windows");
    const row = page.getByRole("listitem", { name });
    await expect(row).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole("button", { name: "Assign to…" }).click();
    await expect(row.getByRole("group", { name: "Assign to an online agent" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
