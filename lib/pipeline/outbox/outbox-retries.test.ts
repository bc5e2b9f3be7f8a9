import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { parseStatusReports } from "../../cm/schemas/status-report";
import { applyDeliveryReport } from "../../server/messages/apply-delivery-report";
import { noEffects } from "../../effects/inbox-effects";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount, sentTexts, testClock } from "../../testing/outbox-fixture";
import { runOutboxRound } from "./run-outbox-round";

// Retries, give-up, permanent failures and the grace period after an unknown outcome, on a
// clock the test moves (random jitter fixed at 0.5: the n-th retry waits 0.5 × min(60 s, 2 s · 2^(n−1))).

const FAST_TIMEOUTS = { cmConnectTimeoutMs: 100, cmResponseTimeoutMs: 200 };

describeEachDatabase("outbox retries", (ctx) => {
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
  const unavailable = () => ({ status: 503, body: "<html>Service unavailable</html>" });

  it("retries a gateway error with growing backoff, then sends it without an agent", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const message = await seed.reply(conversationId, "hello", clock.now());
    cm.answer(unavailable);

    await runOutboxRound(outbox, () => {});
    let row = await load(message.id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1, retryable: false, leaseUntil: null });
    expect(row.statusReason).toBe("CM.com answered with an error (HTTP 503). Trying again by itself.");
    expect(row.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 1_000);

    clock.advance(999);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    clock.advance(1);
    await runOutboxRound(outbox, () => {});
    row = await load(message.id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 2 });
    expect(row.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 2_000);

    cm.answer(accepted);
    clock.advance(2_000);
    await runOutboxRound(outbox, () => {});
    expect(await load(message.id)).toMatchObject({ status: "ACCEPTED", attempts: 3, maybeDuplicate: false });
    expect(cm.requests).toHaveLength(3);
  });

  it("gives up after the retry window and says so, with the last reason", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const message = await seed.reply(conversationId, "anyone?", clock.now());
    cm.answer(unavailable);
    await runOutboxRound(outbox, () => {});
    clock.advance(14 * 60_000);
    await runOutboxRound(outbox, () => {});
    expect(await load(message.id)).toMatchObject({ status: "QUEUED", attempts: 2 });
    clock.advance(60_000);
    const emitted: string[] = [];
    await runOutboxRound(outbox, (e) => emitted.push(...e.updatedMessages.map((m) => m.status)));
    expect(emitted).toEqual(["SENDING", "FAILED"]);
    const row = await load(message.id);
    expect(row).toMatchObject({ status: "FAILED", retryable: true, attempts: 3, nextAttemptAt: null });
    expect(row.statusReason).toBe("Gave up after 3 tries over 15 min: CM.com answered with an error (HTTP 503).");
  });

  it("fails a permanent refusal at once, and retries CM's own internal error", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const internal = await seed.reply(conversationId, "first", clock.now());
    cm.answer(() => ({ status: 400, body: { details: "Internal error", errorCode: 500, messages: [] } }));
    await runOutboxRound(outbox, () => {});
    expect(await load(internal.id)).toMatchObject({ status: "QUEUED", attempts: 1 });
    await ctx.db.prisma.message.update({ where: { id: internal.id }, data: { status: "CANCELLED" } });

    const refused = await seed.reply(conversationId, "second", clock.now());
    cm.answer(() => ({ status: 400, body: { details: "Bad token", errorCode: 101, messages: [] } }));
    await runOutboxRound(outbox, () => {});
    const row = await load(refused.id);
    expect(row).toMatchObject({ status: "FAILED", retryable: false, attempts: 1 });
    expect(row.statusReason).toMatch(/^CM\.com refused the message: /);
  });

  it("after a timeout, waits out the grace period, then resends once and flags a possible duplicate", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock, FAST_TIMEOUTS);
    const message = await seed.reply(conversationId, "did you get this?", clock.now());
    cm.answer(() => "hang");
    await runOutboxRound(outbox, () => {});
    let row = await load(message.id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1, maybeDuplicate: false });
    expect(row.statusReason).toContain("did not answer in time; it may or may not have the message");
    expect(row.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 30_000);

    cm.answer(accepted);
    clock.advance(29_000);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    clock.advance(1_000);
    const emitted: boolean[] = [];
    await runOutboxRound(outbox, (e) => emitted.push(...e.updatedMessages.map((m) => m.maybeDuplicate)));
    expect(emitted).toEqual([true, true]);
    row = await load(message.id);
    expect(row).toMatchObject({ status: "ACCEPTED", attempts: 2, maybeDuplicate: true });
    // Both tries carried the one reference, so CM's reports for either find this message.
    const sent = sentTexts(cm.requests);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.reference).toBe(row.cmReference);
    expect(sent[1]?.reference).toBe(row.cmReference);
  });

  it("a status report arriving in the grace period stops the resend", async () => {
    const { conversationId, igsid } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock, FAST_TIMEOUTS);
    const message = await seed.reply(conversationId, "slow gateway", clock.now());
    cm.answer(() => "hang");
    await runOutboxRound(outbox, () => {});
    const { cmReference } = await load(message.id);

    // CM did get the first try after all: its "accepted" report comes in.
    const parsed = parseStatusReports({
      messages: { msg: { to: igsid, reference: cmReference, status: { code: "0" } } },
    });
    if (!parsed.ok) throw new Error("report did not parse");
    await ctx.db.prisma.$transaction((tx) =>
      applyDeliveryReport(tx, { accountId: seed.account.id, report: parsed.value[0]! }, noEffects()),
    );
    clock.advance(60_000);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    expect(cm.requests).toHaveLength(1);
    expect(await load(message.id)).toMatchObject({ status: "ACCEPTED", attempts: 1, maybeDuplicate: false });
  });

  it("a connection refused is known not sent: plain backoff, no duplicate flag", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const closed = await startFakeCm();
    await closed.close();
    await ctx.db.prisma.instagramAccount.update({ where: { id: seed.account.id }, data: { cmBaseUrl: closed.url } });
    try {
      const outbox = seed.outbox(clock);
      const message = await seed.reply(conversationId, "offline", clock.now());
      await runOutboxRound(outbox, () => {});
      const row = await load(message.id);
      expect(row).toMatchObject({ status: "QUEUED", leaseUntil: null });
      expect(row.statusReason).toBe("CM.com could not be reached. Trying again by itself.");
      expect(row.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 1_000);
      await ctx.db.prisma.message.update({ where: { id: message.id }, data: { status: "CANCELLED" } });
    } finally {
      await ctx.db.prisma.instagramAccount.update({ where: { id: seed.account.id }, data: { cmBaseUrl: cm.url } });
    }
  });
});
