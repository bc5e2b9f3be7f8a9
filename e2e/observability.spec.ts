import { expect, test } from "@playwright/test";
import pg from "pg";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "../lib/testing/scratch-postgres";
import { sample } from "../lib/testing/metrics-sample";
import { sessionCookie } from "./support/app-api";
import { startServer, type TServerProcess } from "./support/server-process";

// What an operator sees of a production instance: /metrics scraped with its token while
// webhooks arrive, and the server's whole output, which must be JSON lines that never hold a
// secret or a customer's words. The intake is held back deterministically: the test locks the
// Contact table (SHARE mode: reads go on, writes wait), so the webhooks are stored and answered
// 200 but cannot be applied until the test lets go — the backlog gauge is seen to move.

const PORT = 3260;
/** Nothing listens here: the reply's send fails and is retried, with the token in hand. */
const CLOSED_PORT = 3269;
const METRICS_TOKEN = "metrics-e2e-token-5d41402abc4b2a76";
const ADMIN = { email: "ops-admin@example.com", password: "ops-admin-password-93kd" };
const PRODUCT_TOKEN = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
const CUSTOMER_TEXT = "my parcel code is PARCEL-77123, please check";
const REPLY_TEXT = "we found parcel PARCEL-77123 for you";
const IG_ACCOUNT = "17841499999999999";
const HELD_BACK = 12;

test("metrics move with the intake, and the logs are JSON lines without secrets", async () => {
  test.setTimeout(120_000);
  if (!(await postgresReachable())) {
    console.warn(`NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the observability test is skipped.`);
    test.skip(true, `no PostgreSQL at ${TEST_POSTGRES_URL}`);
    return;
  }
  const database = await createScratchPostgres("e2e");
  const client = new pg.Client({ connectionString: database.url });
  let server: TServerProcess | undefined;
  try {
    server = await startServer(PORT, {
      DATABASE_URL: database.url,
      DEMO_MODE: "false",
      APP_SECRET: "observability-e2e-app-secret-0123456789abcdef",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      METRICS_TOKEN,
      LOG_LEVEL: "debug",
      LOG_FORMAT: "",
      CM_API_BASE_URL: `http://127.0.0.1:${CLOSED_PORT}`,
      ALLOW_PRIVATE_CM_GATEWAY: "true",
    });
    const base = server.url;
    const scrape = async () => {
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return response.text();
    };

    // Without the token, or with a wrong one: 401.
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}-not` } });
    expect(wrong.status).toBe(401);

    const cookie = await sessionCookie(base, ADMIN);
    const created = await fetch(`${base}/api/admin/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ igAccountId: IG_ACCOUNT, displayName: "Ops shop", productToken: PRODUCT_TOKEN }),
    });
    expect(created.status).toBe(200);
    const { account } = (await created.json()) as {
      account: { id: string; webhookUrls: { messages: string; events: string } };
    };
    const eventsPath = new URL(account.webhookUrls.events).pathname;
    const secret = eventsPath.split("/")[4] ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(16);
    const post = (kind: string, body: string) =>
      fetch(`${base}/api/webhooks/cm/${secret}/${kind}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });

    const before = await scrape();
    expect(sample(before, "inbox_intake_backlog")).toBe(0);

    // Hold the intake back, then post story mentions of new customers: each is stored (200)
    // and waits, since applying it creates a contact.
    await client.connect();
    await client.query('BEGIN; LOCK TABLE "Contact" IN SHARE MODE');
    const statuses = await Promise.all(
      Array.from({ length: HELD_BACK }, (_, i) =>
        post(
          "events",
          JSON.stringify({
            from: { number: String(5_000_001 + i), name: `Mention ${i}` },
            to: { number: IG_ACCOUNT },
            event: { type: "StoryMention", custom: { url: `https://cdn.example/story/${i}` } },
            timeUtc: new Date().toISOString().slice(0, 19),
            channel: "Instagram",
          }),
        ),
      ),
    );
    expect(statuses).toEqual(Array.from({ length: HELD_BACK }, () => 200));
    const held = await scrape();
    expect(sample(held, "inbox_intake_backlog")).toBe(HELD_BACK);
    expect(sample(held, "inbox_intake_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(held, "inbox_webhooks_received_total", { kind: "events", status: "200" })).toBe(HELD_BACK);
    expect(sample(held, "inbox_account_last_webhook_age_seconds", { account_id: account.id })).toBeDefined();
    const appliedBefore = sample(held, "inbox_webhooks_applied_total") ?? 0;

    // Let go: the intake applies them all, and the backlog is back to 0.
    await client.query("COMMIT");
    await expect.poll(async () => sample(await scrape(), "inbox_intake_backlog"), { timeout: 30_000 }).toBe(0);
    expect(sample(await scrape(), "inbox_webhooks_applied_total")).toBeGreaterThanOrEqual(appliedBefore + HELD_BACK);

    // A customer's message, and the answers CM must not retry.
    const message = {
      from: { number: "5000100", name: "Parcel Customer" },
      to: { number: IG_ACCOUNT },
      message: { text: CUSTOMER_TEXT, custom: { username: "parcel.customer" } },
      timeUtc: new Date().toISOString().slice(0, 19),
      channel: "Instagram",
    };
    expect(await post("messages", JSON.stringify(message))).toBe(200);
    expect(await post("messages", "{ not json")).toBe(400);
    expect(await post("nonsense", JSON.stringify(message))).toBe(404);
    const unknown = await fetch(`${base}/api/webhooks/cm/${"A".repeat(43)}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
    });
    expect(unknown.status).toBe(401);

    // A reply: its send to CM fails (nothing listens) and is retried — with the token decrypted.
    await expect
      .poll(
        async () =>
          (await client.query('SELECT "id" FROM "Conversation" WHERE "accountId" = $1', [account.id])).rowCount,
        {
          timeout: 30_000,
        },
      )
      .toBe(HELD_BACK + 1);
    const { rows } = await client.query<{ id: string }>(
      'SELECT c."id" FROM "Conversation" c JOIN "Contact" k ON k."id" = c."contactId" WHERE k."igsid" = $1',
      ["5000100"],
    );
    const reply = await fetch(`${base}/api/conversations/${rows[0]?.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ content: { kind: "text", text: REPLY_TEXT } }),
    });
    expect(reply.status).toBe(200);
    await expect
      .poll(async () => sample(await scrape(), "inbox_outbox_sends_total", { result: "retry" }) ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1);

    const after = await scrape();
    expect(sample(after, "inbox_webhooks_received_total", { kind: "messages", status: "200" })).toBe(1);
    expect(sample(after, "inbox_webhooks_received_total", { kind: "messages", status: "400" })).toBe(1);
    expect(sample(after, "inbox_webhooks_received_total", { kind: "messages", status: "401" })).toBe(1);
    expect(sample(after, "inbox_webhooks_received_total", { kind: "other", status: "404" })).toBe(1);
    expect(sample(after, "inbox_outbox_send_duration_seconds_count", { result: "retry" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "inbox_db_pool_connections", { pool: "app", state: "total" })).toBeGreaterThan(0);
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);

    const code = await server.stop();
    const output = server.output();
    expect(code, output).toBe(0);

    // Every line of stdout and stderr is one JSON object with a level and a time.
    const lines = output.split("\n").filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThan(HELD_BACK);
    const entries = lines.map((line) => {
      let entry: Record<string, unknown> | undefined;
      expect(() => (entry = JSON.parse(line) as Record<string, unknown>), line).not.toThrow();
      expect(entry, line).toMatchObject({ level: expect.any(String), time: expect.any(String) });
      return entry ?? {};
    });
    // No secret and no customer's or agent's words, anywhere.
    const sessionValue = cookie.split(";")[0]?.split("=").slice(1).join("=") ?? "";
    const secrets = {
      productToken: PRODUCT_TOKEN,
      password: ADMIN.password,
      sessionCookie: decodeURIComponent(sessionValue),
      sessionCookieRaw: sessionValue,
      webhookSecret: secret,
      metricsToken: METRICS_TOKEN,
      customerText: "PARCEL-77123",
    };
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(8);
      const leaks = lines.filter((line) => line.includes(value));
      expect(leaks, `${name} appears in the log`).toEqual([]);
    }
    // The access log: one line per request, the webhook's secret cut out, with its account.
    const webhookLines = entries.filter((e) => e.msg === "request" && e.path === "/api/webhooks/cm/[secret]/events");
    expect(webhookLines).toHaveLength(HELD_BACK);
    for (const e of webhookLines) {
      expect(e).toMatchObject({ method: "POST", status: 200, accountId: account.id, reqId: expect.any(String) });
    }
    expect(entries.some((e) => e.msg === "Inbox ready on http://localhost:3260")).toBe(true);
    // Lines logged inside a route handler carry the request's context (the signed-in user)…
    expect(
      entries.find((e) => e.msg === "request" && e.method === "POST" && e.path === "/api/admin/accounts"),
    ).toMatchObject({
      userId: expect.any(String),
    });
    // …and the outbox says which message of which account it could not send.
    expect(entries.find((e) => e.msg === "outbox: send will be retried")).toMatchObject({
      level: "warn",
      accountId: account.id,
      result: "retry",
    });
  } finally {
    await client.end().catch(() => {});
    if (server) await server.stop();
    await database.drop();
  }
});
