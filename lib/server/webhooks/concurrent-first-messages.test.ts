import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { receiveWebhook, type TWebhookAccount } from "./receive-webhook";

// Issue 8: a new customer's first messages arriving at the same moment (on one instance or
// several) must all be stored. A clash while creating the contact or the conversation is not
// a duplicate delivery: only the webhook's own dedupe key says that.

function firstMessage(account: string, customer: string, n: number, named: boolean) {
  return {
    reference: "",
    from: named ? { number: customer, name: `Customer ${customer}` } : { number: customer },
    to: { number: account },
    message: { text: `message ${n} from ${customer}`, custom: named ? { username: `user${customer}` } : {} },
    timeUtc: `2026-01-10T13:05:${String(n % 60).padStart(2, "0")}`,
    channel: "Instagram",
  };
}

describeEachDatabase("concurrent first messages", (ctx) => {
  let account: TWebhookAccount;
  beforeAll(async () => {
    account = await createTestAccount(ctx.db.prisma);
  });

  it("stores every one of many first messages from nameless and named customers arriving together", async () => {
    const customers = Array.from({ length: 10 }, (_, i) => ({
      igsid: String(7000000000000000 + i),
      named: i % 2 === 0,
    }));
    const bodies = customers.flatMap((c) =>
      Array.from({ length: 5 }, (_, n) => firstMessage(account.igAccountId, c.igsid, n, c.named)),
    );
    const results = await Promise.all(
      bodies.map((body) => receiveWebhook(ctx.db.prisma, { account, kind: "messages", body })),
    );
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(0);
    await expect.poll(() => ctx.db.prisma.message.count()).toBe(bodies.length);
    expect(await ctx.db.prisma.contact.count()).toBe(customers.length);
    expect(await ctx.db.prisma.conversation.count()).toBe(customers.length);
    const named = await ctx.db.prisma.contact.findFirstOrThrow({ where: { igsid: customers[0]?.igsid } });
    expect(named).toMatchObject({ name: `Customer ${customers[0]?.igsid}`, username: `user${customers[0]?.igsid}` });
  });
});
