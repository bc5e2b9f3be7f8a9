import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createWebhookAccounts, type TWebhookAccounts } from "@/lib/pipeline/intake/webhook-accounts";
import { createWebhookIntake, type TWebhookIntakeOptions } from "@/lib/pipeline/intake/webhook-intake";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/limits";
import { setRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime } from "@/lib/testing/test-runtime";
import { POST } from "./route";

// The route as Next.js calls it: every answer CM can get, with the intake reached through
// lib/runtime.ts as server.ts sets it up.
describeEachDatabase("POST /api/webhooks/cm/[secret]/[kind]", (ctx) => {
  let secret: string;
  let igAccountId: string;
  let wakes: string[];

  function mount({
    accepting = true,
    accounts = createWebhookAccounts(ctx.db.prisma, 0),
    ...options
  }: Partial<TWebhookIntakeOptions> & { accepting?: boolean; accounts?: TWebhookAccounts } = {}) {
    const intake = createWebhookIntake(
      { sql: ctx.db.sql, accounts, wake: (kind) => wakes.push(kind) },
      { maxInFlight: 8, storeTimeoutMs: 10_000, log: () => {}, ...options },
    );
    setRuntime({ ...createTestRuntime(ctx.db), intake: () => (accepting ? intake : undefined) });
  }

  async function post(kind: string, body: BodyInit | null, { to = secret, headers = {} } = {}) {
    const request = new Request(`${TEST_APP_URL}/api/webhooks/cm/${to}/${kind}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    const response = await POST(request, { params: Promise.resolve({ secret: to, kind }) });
    return { status: response.status, headers: response.headers, json: (await response.json()) as TAnswer };
  }

  const message = (text: string) =>
    JSON.stringify({
      from: { number: "6543210987654321", name: "Jane" },
      to: { number: igAccountId },
      message: { text, custom: {} },
      reference: `ref-${text}`,
      timeUtc: "2026-01-10T13:05:00",
      channel: "Instagram",
    });

  beforeAll(async () => {
    ({ webhookSecret: secret, igAccountId } = await createTestAccount(ctx.db.prisma));
  });
  afterEach(() => setRuntime(undefined));
  afterAll(() => setRuntime(undefined));

  it("answers 200 once the webhook is stored, and wakes the processor for its kind", async () => {
    wakes = [];
    mount();
    const answer = await post("messages", message("hello"));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.json).toEqual({ ok: true, stored: 1, duplicates: 0 });
    expect(wakes).toEqual(["messages"]);
    expect(await ctx.db.prisma.webhookEvent.count({ where: { kind: "MESSAGE" } })).toBeGreaterThan(0);
    expect((await post("messages", message("hello"))).json).toEqual({ ok: true, stored: 0, duplicates: 1 });
  });

  it("answers 400 to a body that is empty or not JSON", async () => {
    mount();
    for (const body of ["", "{not json"]) {
      const answer = await post("messages", body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.code).toBe("BAD_REQUEST");
    }
  });

  it("answers 401 to a secret that is not one of ours, 404 to an unknown kind", async () => {
    mount();
    for (const to of ["x".repeat(32), "short", "a'b\"c-----------------"]) {
      const answer = await post("messages", message("hi"), { to });
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe("UNAUTHORIZED");
    }
    expect((await post("orders", message("hi"))).status).toBe(404);
  });

  it("answers 413 to a body over the limit, declared or streamed, without storing it", async () => {
    mount();
    const big = `{"pad":"${"x".repeat(MAX_WEBHOOK_BYTES)}"}`;
    const declared = await post("messages", big);
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe("PAYLOAD_TOO_LARGE");
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
    const request = new Request(`${TEST_APP_URL}/api/webhooks/cm/${secret}/messages`, {
      method: "POST",
      body: endless,
      duplex: "half",
    } as RequestInit);
    const streamed = await POST(request, { params: Promise.resolve({ secret, kind: "messages" }) });
    expect(streamed.status).toBe(413);
  });

  it("answers 503 with Retry-After while not accepting, when busy, and when the store fails", async () => {
    mount({ accepting: false });
    const stopping = await post("messages", message("later"));
    expect([stopping.status, stopping.headers.get("retry-after")]).toEqual([503, "2"]);

    setRuntime(undefined);
    expect((await post("messages", message("later"))).status).toBe(503);

    mount({ maxInFlight: 0 });
    const busy = await post("messages", message("later"));
    expect([busy.status, busy.headers.get("retry-after"), busy.json.error.code]).toEqual([503, "2", "UNAVAILABLE"]);

    // The database is down: CM retries later.
    const down = { find: () => Promise.reject(new Error("connection refused")), forget: () => {} };
    mount({ accounts: down as unknown as TWebhookAccounts });
    const failed = await post("messages", message("later"));
    expect([failed.status, failed.headers.get("retry-after")]).toEqual([503, "2"]);
    expect(failed.json.error.message).not.toContain("connection refused");
  });
});

interface TAnswer {
  ok?: boolean;
  stored?: number;
  duplicates?: number;
  error: { code: string; message: string };
}
