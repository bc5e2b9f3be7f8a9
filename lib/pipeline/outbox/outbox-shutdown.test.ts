import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount, sentTexts, testClock } from "../../testing/outbox-fixture";
import { runOutboxRound } from "./run-outbox-round";

// A graceful stop in the middle of a round: the send already at CM finishes and is recorded
// once; the claims not yet started go back, so another instance sends them at once (its clock
// does not move: nobody waits for the lease to run out).

describeEachDatabase("outbox during a graceful stop", (ctx) => {
  let cm: TFakeCm;
  let seed: Awaited<ReturnType<typeof seedOutboxAccount>>;

  beforeAll(async () => {
    cm = await startFakeCm();
    seed = await seedOutboxAccount(ctx.db.prisma, cm.url);
  });
  afterAll(() => cm.close());

  it("finishes the send in flight and hands back the unsent claims for another instance", async () => {
    const clock = testClock();
    const replies = [];
    for (const text of ["in flight", "not started 1", "not started 2"]) {
      const { conversationId } = await seed.startConversation();
      replies.push(await seed.reply(conversationId, text, clock.now()));
    }
    const stopping = new AbortController();
    // The stop arrives while CM is answering the first send.
    cm.answer((body) => {
      stopping.abort();
      return accepted(body);
    });
    const stoppingInstance = seed.outbox(clock, { concurrency: 1 });
    const announced: string[] = [];
    expect(
      await runOutboxRound(
        stoppingInstance,
        (e) => announced.push(...e.updatedMessages.map((m) => m.status)),
        stopping.signal,
      ),
    ).toBe(true);

    const load = (id: string) => ctx.db.prisma.message.findUniqueOrThrow({ where: { id } });
    expect(sentTexts(cm.requests).map((s) => s.text)).toEqual(["in flight"]);
    expect((await load(replies[0]!.id)).status).toBe("ACCEPTED");
    for (const reply of replies.slice(1)) {
      expect(await load(reply.id)).toMatchObject({
        status: "QUEUED",
        attempts: 0,
        leaseUntil: null,
        firstAttemptAt: null,
        maybeDuplicate: false,
      });
    }
    // Browsers saw them go back from "Sending…" to queued.
    expect(announced).toEqual(["SENDING", "SENDING", "SENDING", "ACCEPTED", "QUEUED", "QUEUED"]);

    cm.answer(accepted);
    const otherInstance = seed.outbox(clock);
    await runOutboxRound(otherInstance, () => {});
    expect(
      sentTexts(cm.requests)
        .map((s) => s.text)
        .sort(),
    ).toEqual(["in flight", "not started 1", "not started 2"]);
    for (const reply of replies)
      expect(await load(reply.id)).toMatchObject({ status: "ACCEPTED", maybeDuplicate: false });
  });

  it("claims nothing once stopping", async () => {
    const clock = testClock();
    const { conversationId } = await seed.startConversation();
    const reply = await seed.reply(conversationId, "after the stop", clock.now());
    expect(await runOutboxRound(seed.outbox(clock), () => {}, AbortSignal.abort())).toBe(false);
    expect((await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: reply.id } })).status).toBe("QUEUED");
  });
});
