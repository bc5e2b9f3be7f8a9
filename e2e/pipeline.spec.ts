import { expect, test, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import { ZPipelineStatus } from "../lib/webhooks/pipeline-status";
import pg from "pg";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "../lib/testing/scratch-postgres";
import { startSimulator } from "./support/app-api";
import { DEMO_ADMIN, sameOrigin, signIn } from "./support/auth";
import { startServer } from "./support/server-process";
import { DEMO_IG_ACCOUNT, customerWrites } from "./support/simulator";

// Admin → Pipeline end to end: CM's webhooks show up per account, and one that can never be
// applied is listed with its reason, set aside after its tries, and can be retried by hand.

async function pipelineStatus(request: APIRequestContext, base = "") {
  const response = await request.get(`${base}/api/admin/pipeline`);
  expect(response.status()).toBe(200);
  return ZPipelineStatus.parse(await response.json());
}

async function demoMessagesWebhookUrl(request: APIRequestContext, base = ""): Promise<string> {
  const response = await request.get(`${base}/api/admin/accounts`);
  const { accounts } = z
    .object({
      accounts: z.array(z.object({ igAccountId: z.string(), webhookUrls: z.object({ messages: z.string() }) })),
    })
    .parse(await response.json());
  const demo = accounts.find((a) => a.igAccountId === DEMO_IG_ACCOUNT);
  if (!demo) throw new Error("the demo account is not linked");
  return demo.webhookUrls.messages;
}

test("an admin sees the demo account's webhooks arrive", async ({ page }) => {
  const run = Date.now();
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/accounts");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Pipeline" }).click();
  await expect(page.getByRole("heading", { name: "Pipeline", level: 1 })).toBeVisible();
  const card = page.getByRole("region", { name: "Demo shop" });
  const messagesRow = card.getByRole("row", { name: /^Messages/ });
  await expect(messagesRow).toBeVisible();

  const before = Date.now() - 1000;
  await customerWrites(page.request, {
    igsid: `55${run}`,
    name: "Pia Pipeline",
    username: "pia.pipeline",
    text: "Hello?",
  });
  // The page polls every 5 s: the new webhook shows as the last message webhook, seconds old.
  await expect
    .poll(async () => Date.parse((await messagesRow.locator("time").getAttribute("datetime")) ?? "0"))
    .toBeGreaterThanOrEqual(before);
  await expect(messagesRow).toContainText(/just now|\d+ s ago/);
});

// Nothing a customer sends can fail to apply any more (hostile characters are replaced), so
// the failure is made by the database itself: an instance on a PostgreSQL of its own, where a
// trigger refuses one message every time.
test("an admin sees a webhook that cannot be applied with its reason, set aside after its tries, and retries it", async ({
  page,
}) => {
  test.skip(!(await postgresReachable()), `no PostgreSQL at ${TEST_POSTGRES_URL}`);
  const run = Date.now();
  const database = await createScratchPostgres("pipeline");
  const simulator = await startSimulator(4735);
  const app = await startServer(3735, {
    DATABASE_URL: database.url,
    CM_API_BASE_URL: simulator.url,
    CM_SIMULATOR_URL: simulator.url,
  });
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    await pool.query(`CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
      BEGIN
        IF NEW."content"->>'text' LIKE 'poison %' THEN RAISE EXCEPTION 'poison refused'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await pool.query(
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
    );
    await signIn(page, DEMO_ADMIN, app.url);
    await page.goto(`${app.url}/admin/pipeline`);
    const card = page.getByRole("region", { name: "Demo shop" });
    await expect(card).toBeVisible();

    const known = new Set(
      (await pipelineStatus(page.request, app.url)).accounts.flatMap((a) => a.failing.map((w) => w.id)),
    );
    const posted = await page.request.post(await demoMessagesWebhookUrl(page.request, app.url), {
      data: {
        from: { number: `66${run}`, name: "Poison Pill" },
        to: { number: DEMO_IG_ACCOUNT },
        message: { text: `poison ${run}` },
        timeUtc: new Date().toISOString().slice(0, 19),
        channel: "Instagram",
      },
    });
    expect(posted.status()).toBe(200);

    const ours = async () =>
      (await pipelineStatus(page.request, app.url)).accounts
        .find((a) => a.igAccountId === DEMO_IG_ACCOUNT)
        ?.failing.find((w) => !known.has(w.id));
    await expect.poll(async () => (await ours())?.state).toBe("PENDING");
    const retrying = await ours();
    const item = card.getByRole("listitem").filter({ has: page.locator(`time[datetime="${retrying?.receivedAt}"]`) });
    await expect(item).toContainText("Retrying");
    await expect(item).toContainText(retrying?.lastError ?? "(no reason)");

    // Hurry it through its remaining tries (each "retry now" is tried at once) until it is set aside.
    await expect
      .poll(
        async () => {
          const webhook = await ours();
          if (webhook?.state === "PENDING") {
            await page.request.post(`${app.url}/api/admin/pipeline/webhooks/${webhook.id}/retry`, {
              headers: sameOrigin(app.url),
            });
          }
          return webhook?.state;
        },
        { timeout: 30_000 },
      )
      .toBe("FAILED");
    await expect(item).toContainText("Failed");
    await expect(item).toContainText("8 tries");
    await expect(card.getByRole("alert").filter({ hasText: "could not be applied" })).toBeVisible();
    await expect(card.getByRole("button", { name: "Retry all failed" })).toBeVisible();

    // Retrying by hand tries it once more: it fails again, one try more.
    await item.getByRole("button", { name: "Retry now" }).click();
    await expect(item).toContainText("9 tries");
    await expect(item).toContainText("Failed");
  } finally {
    await app.stop();
    await simulator.stop();
    await pool.end();
    await database.drop();
  }
});
