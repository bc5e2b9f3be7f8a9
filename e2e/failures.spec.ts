import pg from "pg";
import { expect, test } from "@playwright/test";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "../lib/testing/scratch-postgres";
import { DEMO_AGENT, signIn } from "./support/auth";
import { agentCookie, customerMessage, demoWebhookUrl, postWebhook, startSimulator } from "./support/app-api";
import { startServer, type TServerProcess } from "./support/server-process";
import { startTcpProxy } from "./support/tcp-proxy";

// Issue 8's failure tests, against real processes on a real PostgreSQL: a crash in the middle
// of a burst, CM down for a minute, and the database going away under load.

test.describe.configure({ timeout: 240_000 });

test.beforeEach(async () => {
  if (!(await postgresReachable())) {
    console.warn(`NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the failure tests are skipped.`);
    test.skip(true, `no PostgreSQL at ${TEST_POSTGRES_URL}`);
  }
});

const q = async (pool: pg.Pool, sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows;

async function conversationOf(pool: pg.Pool, igsid: string): Promise<string> {
  let id = "";
  await expect
    .poll(async () => {
      const rows = await q(
        pool,
        `SELECT v."id" FROM "Conversation" v JOIN "Contact" c ON c."id" = v."contactId" WHERE c."igsid" = $1`,
        [igsid],
      );
      id = (rows[0]?.id as string | undefined) ?? "";
      return id;
    })
    .not.toBe("");
  return id;
}

async function reply(baseUrl: string, cookie: string, conversationId: string, text: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/conversations/${conversationId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: baseUrl },
    body: JSON.stringify({ content: { kind: "text", text }, clientId: crypto.randomUUID() }),
  });
  return response.status;
}

/** Sends `count` webhooks, `concurrency` at a time; `onAnswer` sees each answer as it comes. */
async function burst(
  url: string,
  count: number,
  concurrency: number,
  onAnswer: (text: string, status: number) => void,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const igsid = String(8_200_000 + (i % 40));
        const text = `burst ${i}`;
        onAnswer(text, await postWebhook(url, customerMessage(igsid, text, i % 40 < 20)));
      }
    }),
  );
}

async function expectAppliedOnce(pool: pg.Pool, acknowledged: string[], prefix: string): Promise<void> {
  await expect
    .poll(
      async () => (await q(pool, `SELECT count(*)::int AS n FROM "WebhookEvent" WHERE "state" = 'PENDING'`))[0]?.n,
      {
        timeout: 60_000,
      },
    )
    .toBe(0);
  const rows = await q(
    pool,
    `SELECT "content"->>'text' AS text, count(*)::int AS n FROM "Message"
     WHERE "direction" = 'INBOUND' AND "content"->>'text' LIKE $1 GROUP BY 1`,
    [`${prefix}%`],
  );
  const counts = new Map(rows.map((r) => [r.text as string, r.n as number]));
  expect(acknowledged.filter((text) => counts.get(text) !== 1)).toEqual([]);
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
}

test("kill -9 during a burst of webhooks and queued replies: after a restart every acknowledged webhook is applied once, every reply is sent or failed", async () => {
  const database = await createScratchPostgres("crash");
  const simulator = await startSimulator(4731);
  const env = { DATABASE_URL: database.url, CM_API_BASE_URL: simulator.url, CM_SIMULATOR_URL: simulator.url };
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  let app: TServerProcess | undefined = await startServer(3731, env);
  try {
    const hook = await demoWebhookUrl(app.url);
    expect(await postWebhook(hook, customerMessage("8100000", "please answer"))).toBe(200);
    const conversationId = await conversationOf(pool, "8100000");
    // CM answers slowly, so replies are still queued or in flight when the server dies.
    await fetch(`${simulator.url}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "slow", delayMs: 400 }),
    });
    const cookie = await agentCookie(app.url);
    const replies = Array.from({ length: 12 }, (_, i) => `reply ${i}`);
    for (const text of replies) expect(await reply(app.url, cookie, conversationId, text)).toBe(200);

    const acknowledged: string[] = [];
    const server = app;
    await burst(hook, 400, 32, (text, status) => {
      if (status === 200) acknowledged.push(text);
      if (acknowledged.length === 120 && server.child.exitCode === null) server.child.kill("SIGKILL");
    });
    await expect.poll(() => server.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);

    await fetch(`${simulator.url}/_sim/faults`, { method: "DELETE" });
    app = await startServer(3731, env);
    await expectAppliedOnce(pool, acknowledged, "burst ");

    // Replies: none lost. A send cut off by the crash is taken over once its lease ends.
    await expect
      .poll(
        async () =>
          (await q(pool, `SELECT count(*)::int AS n FROM "Message" WHERE "status" IN ('QUEUED', 'SENDING')`))[0]?.n,
        { timeout: 150_000, intervals: [1000] },
      )
      .toBe(0);
    const outbound = await q(
      pool,
      `SELECT "content"->>'text' AS text, "status", "maybeDuplicate" FROM "Message"
       WHERE "direction" = 'OUTBOUND' ORDER BY "createdAt", "id"`,
    );
    expect(outbound.map((r) => r.text)).toEqual(replies);
    expect(outbound.filter((r) => !["ACCEPTED", "DELIVERED"].includes(r.status as string))).toEqual([]);
    const received = (
      (await (await fetch(`${simulator.url}/_sim/messages?to=8100000`)).json()) as {
        messages: { msg: { body: { content: string } } }[];
      }
    ).messages.map((m) => m.msg.body.content);
    // In the order written; a reply CM got twice is one the agent is told "may have been sent twice".
    expect([...new Set(received)]).toEqual(replies);
    for (const row of outbound) {
      if (received.filter((text) => text === row.text).length > 1) expect(row.maybeDuplicate).toBe(true);
    }
  } finally {
    await app?.stop();
    await simulator.stop();
    await pool.end();
    await database.drop();
  }
});

test("CM down for a minute: replies queue, then leave in order by themselves when it is back", async () => {
  const database = await createScratchPostgres("cmdown");
  const simulator = await startSimulator(4732);
  const env = { DATABASE_URL: database.url, CM_API_BASE_URL: simulator.url, CM_SIMULATOR_URL: simulator.url };
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const app = await startServer(3732, env);
  try {
    expect(await postWebhook(await demoWebhookUrl(app.url), customerMessage("8300000", "hello?"))).toBe(200);
    const conversationId = await conversationOf(pool, "8300000");
    await fetch(`${simulator.url}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "http_error", status: 503 }),
    });
    const cookie = await agentCookie(app.url);
    const replies = Array.from({ length: 5 }, (_, i) => `while CM is down ${i}`);
    for (const text of replies) expect(await reply(app.url, cookie, conversationId, text)).toBe(200);

    const states = async () =>
      (await q(pool, `SELECT "status", "attempts" FROM "Message" WHERE "direction" = 'OUTBOUND'`)).map(
        (r) => r.status as string,
      );
    // For a whole minute CM answers 503: the replies wait (the first keeps retrying), none fails.
    const downUntil = Date.now() + 60_000;
    await expect
      .poll(async () => (await q(pool, `SELECT max("attempts")::int AS n FROM "Message"`))[0]?.n)
      .toBeGreaterThan(1);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          (await states()).forEach((state) => seen.add(state));
          return Date.now() >= downUntil;
        },
        { timeout: 75_000, intervals: [5000] },
      )
      .toBe(true);
    expect([...seen].filter((state) => state !== "QUEUED" && state !== "SENDING")).toEqual([]);

    await fetch(`${simulator.url}/_sim/faults`, { method: "DELETE" });
    await expect
      .poll(async () => (await states()).every((s) => s === "ACCEPTED" || s === "DELIVERED"), { timeout: 120_000 })
      .toBe(true);
    const received = (
      (await (await fetch(`${simulator.url}/_sim/messages?to=8300000`)).json()) as {
        messages: { msg: { body: { content: string } } }[];
      }
    ).messages.map((m) => m.msg.body.content);
    expect(received).toEqual(replies);
  } finally {
    await app.stop();
    await simulator.stop();
    await pool.end();
    await database.drop();
  }
});

test("PostgreSQL gone under load: webhooks get 503 meanwhile, the inbox says it is reconnecting, everything resumes by itself", async ({
  page,
}) => {
  const database = await createScratchPostgres("dbdown");
  const simulator = await startSimulator(4733);
  const target = new URL(database.url);
  const proxy = await startTcpProxy(5739, { host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(database.url);
  proxied.port = "5739";
  const env = { DATABASE_URL: proxied.toString(), CM_API_BASE_URL: simulator.url, CM_SIMULATOR_URL: simulator.url };
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const app = await startServer(3733, env);
  try {
    const hook = await demoWebhookUrl(app.url);
    await signIn(page, DEMO_AGENT, app.url);
    await page.goto(app.url);
    const badge = (name: string) => page.getByRole("status", { name: `Connection: ${name}` });
    await expect(badge("Live")).toBeVisible();

    // Load: a webhook every 25 ms for as long as the test needs.
    const answers: { text: string; status: number }[] = [];
    let sending = true;
    const load = (async () => {
      for (let i = 0; sending; i++) {
        const text = `load ${i}`;
        void postWebhook(hook, customerMessage(String(8_400_000 + (i % 30)), text)).then((status) =>
          answers.push({ text, status }),
        );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await expect.poll(() => answers.filter((a) => a.status === 200).length).toBeGreaterThan(20);

    await proxy.down();
    await expect(badge("Database unreachable: reconnecting")).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => answers.filter((a) => a.status === 503).length, { timeout: 20_000 }).toBeGreaterThan(10);
    await proxy.up();
    await expect(badge("Live")).toBeVisible({ timeout: 20_000 });
    const after = answers.length;
    await expect
      .poll(() => answers.slice(after).filter((a) => a.status === 200).length, { timeout: 20_000 })
      .toBeGreaterThan(20);
    sending = false;
    await load;
    await expect.poll(() => answers.length, { timeout: 30_000 }).toBeGreaterThan(after + 20);

    // Only 200 (stored) or 503 (CM retries): never a 500, never a lost answer.
    expect([...new Set(answers.map((a) => a.status))].sort()).toEqual([200, 503]);
    await expectAppliedOnce(
      pool,
      answers.filter((a) => a.status === 200).map((a) => a.text),
      "load ",
    );
    // The inbox shows what arrived while it was away, without a reload. The list renders only
    // the rows on screen: scroll through it to find this customer's.
    const row = page.getByRole("listitem", { name: "Customer 8400000" });
    await expect
      .poll(async () => {
        if ((await row.count()) > 0) return true;
        await page.getByRole("list", { name: "Conversations" }).evaluate((list) => {
          const scroller = list.parentElement;
          if (scroller)
            scroller.scrollTop = scroller.scrollTop + 400 > scroller.scrollHeight ? 0 : scroller.scrollTop + 400;
        });
        return false;
      })
      .toBe(true);
    await expect(row).toBeVisible();
    expect(app.output()).not.toMatch(/Unhandled error|\n\s+at /);
  } finally {
    await app.stop();
    await proxy.close();
    await simulator.stop();
    await pool.end();
    await database.drop();
  }
});
