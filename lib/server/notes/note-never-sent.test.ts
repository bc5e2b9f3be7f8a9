import { afterAll, beforeAll, expect, it } from "vitest";
import { runOutboxRound } from "../../pipeline/outbox/run-outbox-round";
import { describeEachDatabase } from "../../testing/databases";
import { startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount, sentTexts, testClock } from "../../testing/outbox-fixture";
import { addNote } from "./add-note";

// A private note is for agents only: the outbox, which sends everything else, never sends it.

describeEachDatabase("private notes and the outbox", (ctx) => {
  let cm: TFakeCm;
  let seed: Awaited<ReturnType<typeof seedOutboxAccount>>;

  beforeAll(async () => {
    cm = await startFakeCm();
    seed = await seedOutboxAccount(ctx.db.prisma, cm.url);
  });
  afterAll(() => cm.close());

  it("never hands a note to CM, while a reply written after it leaves", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = seed.outbox(clock);
    const author = { id: seed.author.id, name: "Agent", role: "admin" };
    const { message: note } = await addNote(ctx.db.prisma, {
      conversationId,
      author,
      text: "Customer is angry, be gentle",
      now: clock.now(),
    });

    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    expect(cm.requests).toEqual([]);

    const reply = await seed.reply(conversationId, "Sorry for the wait!", clock.now());
    clock.advance(1_000);
    expect(await runOutboxRound(outbox, () => {})).toBe(true);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
    expect(sentTexts(cm.requests).map((s) => s.text)).toEqual(["Sorry for the wait!"]);
    expect(JSON.stringify(cm.requests)).not.toContain("gentle");
    const rows = await ctx.db.prisma.message.findMany({ where: { id: { in: [note.id, reply.id] } } });
    expect(rows.find((r) => r.id === note.id)).toMatchObject({ status: "RECEIVED", attempts: 0, cmReference: null });
    expect(rows.find((r) => r.id === reply.id)?.status).toBe("ACCEPTED");
  });
});
