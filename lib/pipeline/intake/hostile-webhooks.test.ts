import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";

// Issue 10, hostile input: valid JSON carrying what PostgreSQL cannot store is stored with
// the impossible characters replaced (and says so), never answered 5xx, on both the batched
// way and (PostgreSQL) the fast lane; a URL whose secret is not one of ours is a 401.

describeEachDatabase("hostile webhooks", (ctx) => {
  let servers: Awaited<ReturnType<typeof startWebhookServer>>[];
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    servers = [await startWebhookServer(ctx.db), await startWebhookServer(ctx.db, { fastLane: true })];
    account = await createTestAccount(ctx.db.prisma);
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  // Raw bodies: JSON.stringify would not write the escapes as CM might send them.
  const body = (customer: string, text: string, name: string, extra = "") =>
    `{"from":{"number":"${customer}","name":"${name}"},"to":{"number":"${account.igAccountId}"},` +
    `"message":{"text":"${text}","custom":{"username":"u\\u0000ser"${extra}}},"timeUtc":"2026-01-10T13:05:00","channel":"Instagram"}`;

  it("stores NUL, lone surrogates and deep nesting with replacements, in text, names and unknown fields", async () => {
    let deep = '"bottom"';
    for (let i = 0; i < 3000; i++) deep = `{"d":${deep}}`;
    const cases = [
      body("7300000000000001", "nul \\u0000 here", "Nul\\u0000Name"),
      body("7300000000000002", "lone \\ud800 high", "Low \\udc00 name"),
      body("7300000000000003", "deep", "Deep", `,"weird":${deep}`),
    ];
    for (const [i, raw] of cases.entries()) {
      const answer = await servers[i % 2]!.post(account.webhookSecret, "messages", undefined, raw);
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      expect(answer.json).toMatchObject({ stored: 1 });
    }
    await servers[0]!.drain();
    const messages = await ctx.db.prisma.message.findMany({
      where: { conversation: { accountId: account.id } },
      include: { conversation: { include: { contact: true } } },
      orderBy: { createdAt: "asc" },
    });
    const byCustomer = new Map(messages.map((m) => [m.conversation.contact.igsid, m]));
    expect(byCustomer.get("7300000000000001")?.content).toEqual({ text: "nul \uFFFD here", replacedCharacters: true });
    expect(byCustomer.get("7300000000000001")?.conversation.contact).toMatchObject({
      name: "Nul\uFFFDName",
      username: "u\uFFFDser",
    });
    expect(byCustomer.get("7300000000000002")?.content).toEqual({ text: "lone \uFFFD high", replacedCharacters: true });
    expect(byCustomer.get("7300000000000002")?.conversation.contact.name).toBe("Low \uFFFD name");
    expect(byCustomer.get("7300000000000003")?.content).toMatchObject({ text: "deep", replacedCharacters: true });
    expect(await ctx.db.prisma.webhookEvent.count({ where: { accountId: account.id, state: { not: "DONE" } } })).toBe(
      0,
    );
  });

  it("refuses identifiers longer than any real one with 400 (they could not be indexed), never 5xx", async () => {
    // Random: it does not compress, so it is as long in an index as it is here.
    const noise = (n: number) => randomBytes(n).toString("base64url").slice(0, n);
    const longMid = {
      from: { number: "7300000000000009", name: "Long" },
      to: { number: account.igAccountId },
      message: { text: "long id", custom: { mid: noise(5000) } },
      timeUtc: "2026-01-10T13:05:00",
      channel: "Instagram",
    };
    const longNumber = { ...longMid, from: { number: noise(5000), name: "Long" }, message: { text: "x" } };
    for (const [i, payload] of [longMid, longNumber].entries()) {
      const answer = await servers[i % 2]!.post(account.webhookSecret, "messages", payload);
      expect(answer.status, JSON.stringify(answer.json)).toBe(400);
    }
  });

  it("answers 401 to a secret that is not one of ours (%00, quotes, broken escapes), 400 to a body that is not JSON", async () => {
    for (const secret of ["%00", `${account.webhookSecret}%00`, "a'b%22c-----------------", "%E0%A4%A"]) {
      const answer = await servers[0]!.post(secret, "messages", {});
      expect(answer.status, secret).toBe(401);
    }
    const notJson = await servers[1]!.post(account.webhookSecret, "messages", undefined, '{"a": "\u0000"');
    expect(notJson.status).toBe(400);
  });
});
