import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readMigrations } from "../lib/db/migrate";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { snapshotPglite, snapshotPostgres, type TSnapshot } from "../lib/testing/upgrade-snapshot";
import { FIXTURE } from "../scripts/upgrade-fixture-data";
import { sameOrigin } from "./support/auth";
import { apiAs, customerWrites, registerAccount, sentTo, startApp, startSimulator } from "./support/ops-process";

// Databases written by the previous release (scripts/make-upgrade-fixtures.ts; e2e/fixtures/upgrade/)
// are opened by this one: its migrations apply, every row the previous release wrote is still
// there, and it works — sign-in, threads, uploads, settings, and sends with the product tokens
// the previous release encrypted.

const FIXTURES = join(process.cwd(), "e2e", "fixtures", "upgrade");
const expected = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as {
  release: string;
  pglite: TSnapshot;
  postgres: TSnapshot;
};
const PORT = 3272;
const SIMULATOR_PORT = 4701;

type TMessage = { id: string; kind: string; content: Record<string, unknown> | null };

async function checkItWorks(page: Page, appUrl: string, simulatorUrl: string, before: TSnapshot): Promise<void> {
  const admin = await apiAs(appUrl, FIXTURE.admin);
  const agent = await apiAs(appUrl, FIXTURE.agent);

  // Every conversation and every message of it, in the API as before.
  const list = await admin<{ conversations: { id: string; contact: { igsid: string } }[] }>(
    "GET",
    "/api/conversations?status=all&limit=100",
  );
  expect(list.body.conversations.map((c) => c.id).sort()).toEqual(before.conversations.map((c) => c.id).sort());
  for (const conversation of before.conversations) {
    const thread = await admin<{ messages: TMessage[] }>(
      "GET",
      `/api/conversations/${String(conversation.id)}/messages?limit=200`,
    );
    expect(thread.status).toBe(200);
    const want = before.messages.filter((m) => m.conversationId === conversation.id);
    expect(thread.body.messages.map((m) => [m.id, m.kind]).sort()).toEqual(want.map((m) => [m.id, m.kind]).sort());
  }
  // The uploaded image is served, byte for byte.
  for (const upload of before.uploads) {
    const media = await fetch(`${appUrl}/media/${String(upload.id)}`);
    expect(media.status).toBe(200);
    expect(
      createHash("sha256")
        .update(Buffer.from(await media.arrayBuffer()))
        .digest("hex"),
    ).toBe(upload.sha256);
  }
  expect((await agent<{ settings: unknown }>("GET", "/api/me/settings")).body.settings).toEqual({
    notifyDesktop: false,
    notifySound: true,
    notifyTitle: true,
  });
  const saved = await agent<{ savedReplies: { code: string }[] }>("GET", "/api/saved-replies");
  expect(saved.body.savedReplies.map((r) => r.code)).toEqual(["thanks"]);
  const labels = await admin<{ labels: { name: string }[] }>("GET", "/api/admin/labels");
  expect(labels.body.labels.map((l) => l.name).sort()).toEqual(["Returns", "VIP"]);

  // A thread opens in the browser with its messages and its note.
  const first = list.body.conversations.find((c) => c.contact.igsid === "9300000001");
  const response = await page.request.post(`${appUrl}/api/auth/sign-in/email`, {
    data: FIXTURE.agent,
    headers: sameOrigin(appUrl),
  });
  expect(response.status()).toBe(200);
  await page.goto(`${appUrl}/c/${first?.id}`);
  await expect(page.getByText("Yes, it is in stock.")).toBeVisible();
  await expect(page.getByText("Regular customer, prefers blue.")).toBeVisible();

  // Both accounts' product tokens still decrypt: the customer writes, the reply reaches CM with the token.
  const { accounts } = (
    await admin<{ accounts: { igAccountId: string; webhookUrls: Record<string, string> }[] }>(
      "GET",
      "/api/admin/accounts",
    )
  ).body;
  for (const [account, igsid] of [
    [FIXTURE.demoAccount, "9300000001"],
    [FIXTURE.secondAccount, "9300000099"],
  ] as const) {
    const webhookUrls = accounts.find((a) => a.igAccountId === account.igAccountId)?.webhookUrls ?? {};
    await registerAccount(simulatorUrl, { ...account, webhookUrls });
    // The same customer as before (CM sends their profile with every message).
    const contact = before.contacts.find((c) => c.igsid === igsid);
    const from = { igsid, name: String(contact?.name), username: String(contact?.username) };
    expect(await customerWrites(simulatorUrl, { account: account.igAccountId, from, text: "after the upgrade" })).toBe(
      200,
    );
    const conversation = list.body.conversations.find((c) => c.contact.igsid === igsid);
    const text = `answer after the upgrade ${igsid}`;
    const sent = await admin("POST", `/api/conversations/${conversation?.id}/messages`, {
      content: { kind: "text", text },
    });
    expect(sent.status).toBe(200);
    await expect.poll(async () => JSON.stringify(await sentTo(simulatorUrl, igsid))).toContain(text);
  }
}

/** Every row the previous release wrote is still there, unchanged, and every migration is applied. */
async function checkRowsKept(after: TSnapshot, before: TSnapshot): Promise<void> {
  const { migrations, ...tables } = before;
  for (const [name, rows] of Object.entries(tables)) {
    expect(after[name as keyof TSnapshot], name).toEqual(expect.arrayContaining(rows));
  }
  expect(after.migrations.map((m) => m.migration_name)).toEqual(
    (await readMigrations()).migrationDirectories.map((d) => d.path),
  );
  expect(after.migrations).toEqual(expect.arrayContaining(migrations));
}

const env = (extra: Record<string, string>) => ({
  APP_SECRET: FIXTURE.appSecret,
  APP_URL: `http://localhost:${PORT}`,
  SIGN_IN_RATE_LIMIT: "1000",
  // The fixture's upload was made on the day the fixtures were; the retention sweep would delete
  // it a month later, and this test must pass on any day.
  UPLOAD_RETENTION_DAYS: "3650",
  ...extra,
});

test.describe(`a database written by the previous release (${expected.release})`, () => {
  test.describe.configure({ timeout: 180_000 });

  test("the embedded database folder: migrated, everything kept, everything works", async ({ page }) => {
    const dataDir = mkdtempSync(join(tmpdir(), "inbox-upgrade-"));
    const simulator = await startSimulator(SIMULATOR_PORT);
    try {
      execFileSync("tar", ["-xzf", join(FIXTURES, "pglite-data.tar.gz"), "-C", dataDir]);
      const app = await startApp({
        cwd: process.cwd(),
        args: ["dist/server.mjs"],
        env: env({ DATA_DIR: dataDir, CM_API_BASE_URL: simulator.url }),
        port: PORT,
      });
      try {
        await checkItWorks(page, app.url, simulator.url, expected.pglite);
      } finally {
        expect(await app.stop()).toBe(0);
      }
      await checkRowsKept(await snapshotPglite(join(dataDir, "pglite")), expected.pglite);
    } finally {
      await simulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("the PostgreSQL dump, restored with the README's recipe: migrated, everything kept, everything works", async ({
    page,
  }) => {
    const dataDir = mkdtempSync(join(tmpdir(), "inbox-upgrade-"));
    const database = await createScratchPostgres("upg");
    const simulator = await startSimulator(SIMULATOR_PORT);
    try {
      execFileSync(join(process.cwd(), "deploy", "postgres", "restore.sh"), [
        join(FIXTURES, "postgres.dump"),
        database.url,
      ]);
      const app = await startApp({
        cwd: process.cwd(),
        args: ["dist/server.mjs"],
        env: env({ DATA_DIR: dataDir, DATABASE_URL: database.url, CM_API_BASE_URL: simulator.url }),
        port: PORT,
      });
      try {
        await checkItWorks(page, app.url, simulator.url, expected.postgres);
      } finally {
        expect(await app.stop()).toBe(0);
      }
      await checkRowsKept(await snapshotPostgres(database.url), expected.postgres);
    } finally {
      await simulator.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
