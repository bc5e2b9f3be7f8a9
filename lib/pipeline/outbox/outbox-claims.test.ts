import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "../../db/client";
import { cancelMessage } from "../../server/messages/cancel-message";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount, sentTexts, testClock } from "../../testing/outbox-fixture";
import { claimDueSends } from "./claim-due-sends";
import { runOutboxRound } from "./run-outbox-round";
import { sendClaimed } from "./send-claimed";

// Who sends what, when: order per customer, leases and their take-over, cancel, and several
// workers on one database.

describeEachDatabase("outbox claims", (ctx) => {
  let cm: TFakeCm;
  let seed: Awaited<ReturnType<typeof seedOutboxAccount>>;

  beforeAll(async () => {
    cm = await startFakeCm();
    seed = await seedOutboxAccount(ctx.db.prisma, cm.url);
  });
  afterAll(() => cm.close());
  beforeEach(() => {
    cm.requests.length = 0;
    cm.answer(accepted);
  });

  const load = (id: string) => ctx.db.prisma.message.findUniqueOrThrow({ where: { id } });

  it("sends one customer's replies in the order written: the second waits while the first retries", async () => {
    const { conversationId } = await seed.startConversation();
    const other = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const first = await seed.reply(conversationId, "one", clock.now());
    const second = await seed.reply(conversationId, "two", clock.now());
    const elsewhere = await seed.reply(other.conversationId, "other customer", clock.now());

    cm.answer((body) =>
      sentTexts([{ body }])[0]?.text === "one" && cm.requests.length === 1
        ? { status: 502, body: "bad gateway" }
        : accepted(body),
    );
    await runOutboxRound(outbox, () => {});
    expect(await load(first.id)).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(await load(second.id)).toMatchObject({ status: "QUEUED", attempts: 0 });
    expect((await load(elsewhere.id)).status).toBe("ACCEPTED");
    expect(await runOutboxRound(outbox, () => {})).toBe(false);

    clock.advance(1_000);
    await runOutboxRound(outbox, () => {});
    await runOutboxRound(outbox, () => {});
    expect(sentTexts(cm.requests).map((s) => s.text)).toEqual(["one", "other customer", "one", "two"]);
    expect((await load(second.id)).status).toBe("ACCEPTED");
  });

  it("takes over a send whose worker died after its lease, and fences the dead worker's late answer", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const message = await seed.reply(conversationId, "claimed, then the process died", clock.now());
    const [dead] = await claimDueSends(outbox, 10);
    expect(dead?.view).toMatchObject({ id: message.id, status: "SENDING", attempts: 1 });

    clock.advance(59_000);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    clock.advance(1_001);
    const emitted: string[] = [];
    await runOutboxRound(outbox, (e) => emitted.push(...e.updatedMessages.map((m) => m.status)));
    expect(emitted).toEqual(["SENDING", "ACCEPTED"]);
    // The dead worker may have reached CM before it died: the customer may have it twice.
    expect(await load(message.id)).toMatchObject({ status: "ACCEPTED", attempts: 2, maybeDuplicate: true });

    // Had it only been slow, its answer now changes nothing: the take-over's try owns the row.
    cm.answer(() => ({ status: 400, body: { details: "Bad token", errorCode: 101, messages: [] } }));
    const late = await sendClaimed(outbox, dead!);
    expect(late.updatedMessages).toHaveLength(0);
    expect((await load(message.id)).status).toBe("ACCEPTED");
  });

  it("takes over a send left SENDING without a lease from before the outbox, once it is a lease old", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const message = await seed.reply(conversationId, "from the old version", clock.now());
    await ctx.db.prisma.message.update({
      where: { id: message.id },
      data: { status: "SENDING", nextAttemptAt: null, updatedAt: clock.now() },
    });
    clock.advance(30_000);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    clock.advance(31_000);
    await runOutboxRound(outbox, () => {});
    expect(await load(message.id)).toMatchObject({ status: "ACCEPTED", attempts: 1, maybeDuplicate: true });
  });

  it("cancels a queued reply, lets the next one leave, and refuses once it is sending or sent", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const first = await seed.reply(conversationId, "oops, wrong customer", clock.now());
    const second = await seed.reply(conversationId, "the right one", clock.now());

    const cancelled = await cancelMessage(ctx.db.prisma, { messageId: first.id, now: clock.now() });
    expect(cancelled.message.status).toBe("CANCELLED");
    expect(cancelled.effects.updatedMessages[0]?.status).toBe("CANCELLED");
    expect((await cancelMessage(ctx.db.prisma, { messageId: first.id, now: clock.now() })).message.status).toBe(
      "CANCELLED",
    );

    const [claim] = await claimDueSends(outbox, 10);
    expect(claim?.view.id).toBe(second.id);
    await expect(cancelMessage(ctx.db.prisma, { messageId: second.id, now: clock.now() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^It is being sent right now/),
    });
    await sendClaimed(outbox, claim!);
    await expect(cancelMessage(ctx.db.prisma, { messageId: second.id, now: clock.now() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "It was already sent.",
    });
    await expect(cancelMessage(ctx.db.prisma, { messageId: "missing", now: clock.now() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(sentTexts(cm.requests).map((s) => s.text)).toEqual(["the right one"]);
  });

  it("two workers on one database never send the same reply twice, and keep each customer's order", async () => {
    // On PostgreSQL each worker has its own Prisma client and connections, like two instances.
    let second: TDatabase | undefined;
    if (ctx.db.kind === "postgres") {
      second = await openDatabase({ url: ctx.db.pool?.options.connectionString, dataDir: "" });
    }
    try {
      const clock = testClock();
      const workers = [seed.outbox(clock), seed.outbox(clock, {}, second?.prisma ?? ctx.db.prisma)];
      const written: string[][] = [];
      const conversationIds: string[] = [];
      for (let c = 0; c < 12; c++) {
        const { conversationId } = await seed.startConversation();
        conversationIds.push(conversationId);
        const texts = [`c${c}-1`, `c${c}-2`, `c${c}-3`];
        for (const text of texts) await seed.reply(conversationId, text, clock.now());
        written.push(texts);
      }
      // A slow gateway keeps both workers' rounds in flight together.
      cm.answer(async (body) => {
        await new Promise((resolve) => setTimeout(resolve, 15));
        return accepted(body);
      });
      const drain = async (worker: (typeof workers)[number]) => {
        let idle = 0;
        while (idle < 3) idle = (await runOutboxRound(worker, () => {})) ? 0 : idle + 1;
      };
      await Promise.all(workers.map(drain));

      const sent = sentTexts(cm.requests).map((s) => s.text);
      expect(sent).toHaveLength(36);
      expect(new Set(sent).size).toBe(36);
      for (const texts of written) expect(sent.filter((t) => texts.includes(t))).toEqual(texts);
      const states = await ctx.db.prisma.message.groupBy({
        by: ["status", "attempts"],
        _count: true,
        where: { conversationId: { in: conversationIds } },
      });
      expect(states).toEqual([{ status: "ACCEPTED", attempts: 1, _count: 36 }]);
    } finally {
      await second?.close();
    }
  });
});
