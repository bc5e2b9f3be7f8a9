import { afterAll, beforeAll, expect, it } from "vitest";
import { runOutboxRound } from "../../pipeline/outbox/run-outbox-round";
import { applyDeliveryReport } from "../../server/messages/apply-delivery-report";
import { cancelMessage } from "../../server/messages/cancel-message";
import { retryMessage } from "../../server/messages/retry-message";
import { ingestEvent } from "../../server/webhooks/ingest-event";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount, testClock } from "../../testing/outbox-fixture";
import { knownAccounts, toInboxChange } from "./emit";

// emitEffects sends each account's part of a change to that account's room without asking the
// database, provided every message's account is known from the change itself. Each producer
// of message effects says it, and says it right.

describeEachDatabase("every change names the account of each of its messages", (ctx) => {
  let cm: TFakeCm;
  let seed: Awaited<ReturnType<typeof seedOutboxAccount>>;

  beforeAll(async () => {
    cm = await startFakeCm();
    cm.answer(accepted);
    seed = await seedOutboxAccount(ctx.db.prisma, cm.url);
  });
  afterAll(() => cm.close());

  /** The account each message of the change is routed to, by message id. */
  const routed = (effects: TEffects) => {
    const change = toInboxChange(effects);
    const accounts = knownAccounts(change ?? { conversations: [], created: [], updated: [] }, effects.accounts);
    return Object.fromEntries(
      [...(change?.created ?? []), ...(change?.updated ?? [])].map((m) => [m.id, accounts.get(m.conversationId)]),
    );
  };

  it("cancel, retry and the outbox's claim and outcome", async () => {
    const { conversationId } = await seed.startConversation();
    const accountId = seed.account.id;
    const queued = await seed.reply(conversationId, "cancel me");
    expect(routed((await cancelMessage(ctx.db.prisma, { messageId: queued.id, now: new Date() })).effects)).toEqual({
      [queued.id]: accountId,
    });

    const failed = await seed.reply(conversationId, "retry me");
    await ctx.db.prisma.message.update({ where: { id: failed.id }, data: { status: "FAILED" } });
    expect(routed((await retryMessage(ctx.db.prisma, { messageId: failed.id, now: new Date() })).effects)).toEqual({
      [failed.id]: accountId,
    });

    const emitted: Record<string, string | undefined>[] = [];
    await runOutboxRound(seed.outbox(testClock()), (effects) => emitted.push(routed(effects)));
    expect(emitted).toEqual([{ [failed.id]: accountId }, { [failed.id]: accountId }]);
  });

  it("a status report, and a customer deleting a message that is not the newest", async () => {
    const { conversationId, igsid } = await seed.startConversation();
    const accountId = seed.account.id;
    const reply = await seed.reply(conversationId, "reported");
    const { cmReference } = await ctx.db.prisma.message.update({
      where: { id: reply.id },
      data: { status: "ACCEPTED" },
    });
    const reported = noEffects();
    await ctx.db.prisma.$transaction((tx) =>
      applyDeliveryReport(
        tx,
        {
          accountId,
          report: {
            to: igsid,
            reference: cmReference,
            status: "delivered",
            code: 2,
            errorCode: null,
            errorDescription: null,
            received: null,
            raw: {},
          },
        },
        reported,
      ),
    );
    expect(routed(reported)).toEqual({ [reply.id]: accountId });

    const old = await ctx.db.prisma.message.create({
      data: {
        conversationId,
        direction: "INBOUND",
        kind: "TEXT",
        content: { text: "oops" },
        status: "RECEIVED",
        externalId: "mid-old",
        sentAt: new Date(Date.now() - 60_000),
      },
    });
    const deleted = noEffects();
    await ctx.db.prisma.$transaction((tx) =>
      ingestEvent(
        tx,
        {
          accountId,
          event: {
            eventId: null,
            from: { number: igsid, name: null },
            to: seed.account.igAccountId,
            detail: { type: "MessageDelete", messageReference: "mid-old" },
            timeUtc: new Date(),
            raw: {},
          },
        },
        deleted,
      ),
    );
    // Not the newest message: the conversation's preview stays, so only the note says the account.
    expect(deleted.conversations).toEqual([]);
    expect(routed(deleted)).toEqual({ [old.id]: accountId });
  });
});
