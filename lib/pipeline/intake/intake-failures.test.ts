import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { POISON_TEXT, refusePoisonMessages } from "@/lib/testing/refuse-poison";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import { processWebhooks, retryDelayMs } from "./process-webhooks";

const CUSTOMER = "6543210987654321";
const OTHER = "6543210987654322";

function mo(account: string, customer: string, text: string, second: number) {
  return {
    from: { number: customer, name: "Jane" },
    to: { number: account },
    message: { text },
    timeUtc: `2026-01-10T13:05:${String(second).padStart(2, "0")}`,
    channel: "Instagram",
  };
}

describeEachDatabase("intake: what cannot be applied", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    account = await createTestAccount(ctx.db.prisma);
    await refusePoisonMessages(ctx.db);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await ctx.db.prisma.message.deleteMany();
    await ctx.db.prisma.webhookEvent.deleteMany();
  });

  it("keeps a webhook it cannot apply, retries it with backoff, holds that customer's later ones behind it, then sets it aside", async () => {
    let clock = new Date(Date.now() + 1000);
    const now = () => clock;
    // The database refuses this message every time it is applied (the trigger above).
    expect(
      (await server.post(account.webhookSecret, "messages", mo(account.igAccountId, CUSTOMER, POISON_TEXT, 1))).status,
    ).toBe(200);
    await server.post(account.webhookSecret, "messages", mo(account.igAccountId, CUSTOMER, "after the bad one", 2));
    await server.post(account.webhookSecret, "messages", mo(account.igAccountId, OTHER, "someone else", 3));

    const first = await processWebhooks(ctx.db.prisma, { now, maxAttempts: 3 });
    expect(first).toMatchObject({ failed: 1, applied: 1 });
    const texts = async () =>
      (await ctx.db.prisma.message.findMany({ orderBy: { sentAt: "asc" } })).map(
        (m) => (m.content as { text: string }).text,
      );
    expect(await texts()).toEqual(["someone else"]);
    const bad = await ctx.db.prisma.webhookEvent.findFirstOrThrow({ where: { attempts: 1 } });
    expect(bad.state).toBe("PENDING");
    expect(bad.lastError).toBeTruthy();
    expect(bad.availableAt.getTime()).toBeGreaterThan(clock.getTime());

    // Not due yet: nothing is claimed, and the customer's second message still waits.
    expect(await processWebhooks(ctx.db.prisma, { now, maxAttempts: 3 })).toMatchObject({ claimed: 0 });
    for (let attempt = 2; attempt <= 3; attempt++) {
      clock = new Date(clock.getTime() + 600_000);
      expect(await processWebhooks(ctx.db.prisma, { now, maxAttempts: 3 })).toMatchObject({ failed: 1, applied: 0 });
    }
    expect(await ctx.db.prisma.webhookEvent.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({
      state: "FAILED",
      attempts: 3,
    });
    // Set aside: the customer's later message goes through.
    expect(await processWebhooks(ctx.db.prisma, { now, maxAttempts: 3 })).toMatchObject({ applied: 1 });
    expect(await texts()).toEqual(["after the bad one", "someone else"]);
  });

  it("backs off exponentially with jitter, up to five minutes", () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1000);
    expect(retryDelayMs(4, () => 1)).toBe(8000);
    expect(retryDelayMs(30, () => 1)).toBe(300_000);
  });

  it("answers 401 for a secret that cannot be one, 405 for GET, and 413 past 64 KB, storing nothing", async () => {
    expect((await server.post("abc%00def", "messages", {})).status).toBe(401);
    expect((await server.post("%E0%A4%A", "messages", {})).status).toBe(401);
    const get = await fetch(`${server.base}/api/webhooks/cm/${account.webhookSecret}/messages`);
    expect(get.status).toBe(405);
    const huge = await server.post(
      account.webhookSecret,
      "messages",
      mo(account.igAccountId, CUSTOMER, "x".repeat(70_000), 1),
    );
    expect(huge.status).toBe(413);
    expect(await ctx.db.prisma.webhookEvent.count()).toBe(0);
  });

  it("recognises a copy of a webhook whose secret was rotated meanwhile as unknown (401)", async () => {
    const rotated = await createTestAccount(ctx.db.prisma);
    const body = mo(rotated.igAccountId, CUSTOMER, "hello", 4);
    expect((await server.post(rotated.webhookSecret, "messages", body)).status).toBe(200);
    await ctx.db.prisma.instagramAccount.update({ where: { id: rotated.id }, data: { webhookSecret: "a".repeat(43) } });
    expect((await server.post(rotated.webhookSecret, "messages", body)).status).toBe(401);
  });
});

describe("intake under load and outages", () => {
  it("answers 503 with Retry-After, at once, when more webhooks are in flight than allowed", async () => {
    const server = await startWebhookServer({ prisma: {} } as TDatabase, { maxInFlight: 0 });
    try {
      const answer = await server.post("a".repeat(43), "messages", {});
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("2");
    } finally {
      await server.close();
    }
  });

  it("answers 503 (CM retries), not 500, when the database cannot be reached, and logs one line without the URL", async () => {
    const lines: string[] = [];
    const unreachable = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    const prisma = { instagramAccount: { findUnique: () => Promise.reject(unreachable) } };
    const server = await startWebhookServer({ prisma } as unknown as TDatabase, { log: (l) => lines.push(l) });
    try {
      const secret = "s".repeat(43);
      const answer = await server.post(secret, "messages", {});
      expect(answer.status).toBe(503);
      expect(answer.json).toMatchObject({ error: { code: "UNAVAILABLE" } });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("ECONNREFUSED");
      expect(lines[0]).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
