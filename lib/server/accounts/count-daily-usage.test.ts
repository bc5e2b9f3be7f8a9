import { expect, it } from "vitest";
import { dailyLimit } from "../../channel/rules";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { createDemoMessage } from "../demo/create-demo-message";
import { countDailyUsage } from "./count-daily-usage";

describeEachDatabase("Instagram's daily limit", (ctx) => {
  it("counts the last 24 hours' sends to CM and the people reachable now, per account", async () => {
    const now = new Date("2026-03-02T12:00:00Z");
    const hours = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Busy shop" });
    const quiet = await createTestAccount(ctx.db.prisma, { displayName: "Quiet shop" });
    // Three customers: two wrote within 24 hours (reachable), one two days ago.
    for (const [igsid, at] of [
      ["9500000000000001", hours(1)],
      ["9500000000000002", hours(23)],
      ["9500000000000003", hours(48)],
    ] as const) {
      await createDemoMessage(ctx.db.prisma, {
        accountId: shop.id,
        igsid,
        name: igsid,
        username: igsid,
        text: "hi",
        now: at,
      });
    }
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ where: { accountId: shop.id } });
    const reply = (status: "QUEUED" | "SENDING" | "ACCEPTED" | "DELIVERED" | "FAILED" | "CANCELLED", at: Date | null) =>
      ctx.db.prisma.message.create({
        data: {
          conversationId: conversation.id,
          direction: "OUTBOUND",
          kind: "TEXT",
          content: { text: "x" },
          status,
          sentAt: at ?? now,
          firstAttemptAt: at,
        },
      });
    await reply("DELIVERED", hours(2));
    await reply("ACCEPTED", hours(20));
    await reply("SENDING", hours(0.1));
    await reply("DELIVERED", hours(30)); // more than 24 hours ago
    await reply("FAILED", hours(3)); // refused: never reached Instagram
    await reply("QUEUED", null); // not tried yet
    await reply("CANCELLED", null);

    const usage = await countDailyUsage(ctx.db.prisma, { accountIds: [shop.id, quiet.id], now });
    expect(usage.get(shop.id)).toEqual({ sent: 3, reachable: 2 });
    expect(usage.get(quiet.id)).toEqual({ sent: 0, reachable: 0 });
  });
});

it("warns from 80 % of 200 × the people reachable, and says when it is reached", () => {
  expect(dailyLimit({ sent: 0, reachable: 0 })).toEqual({ limit: 0, share: 0, level: "ok" });
  expect(dailyLimit({ sent: 319, reachable: 2 })).toMatchObject({ limit: 400, level: "ok" });
  expect(dailyLimit({ sent: 320, reachable: 2 })).toMatchObject({ limit: 400, level: "warn" });
  expect(dailyLimit({ sent: 400, reachable: 2 })).toMatchObject({ limit: 400, level: "reached" });
  // Nobody reachable, yet something was sent (their windows closed since): the limit is reached.
  expect(dailyLimit({ sent: 5, reachable: 0 })).toMatchObject({ limit: 0, level: "reached" });
});
