import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount, testClock } from "../../testing/outbox-fixture";
import { runOutboxRound } from "./run-outbox-round";

// An account's own gateway URL receives the product token: while private gateways are not
// allowed (ALLOW_PRIVATE_CM_GATEWAY), a send to one fails for a person to see, and nothing,
// the token least of all, reaches the address.

describeEachDatabase("outbox: an account's own gateway on a private address", (ctx) => {
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
  const gateway = (cmBaseUrl: string) =>
    ctx.db.prisma.instagramAccount.update({ where: { id: seed.account.id }, data: { cmBaseUrl } });

  it("fails a send to a private gateway at once, naming the setting, and contacts nobody", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = { ...seed.outbox(clock), cmGateway: { allowPrivate: false } };
    const message = await seed.reply(conversationId, "secret plans", clock.now());

    await runOutboxRound(outbox, () => {});
    const row = await load(message.id);
    expect(row).toMatchObject({ status: "FAILED", retryable: false, nextAttemptAt: null });
    expect(row.statusReason).toContain("ALLOW_PRIVATE_CM_GATEWAY=true");
    expect(cm.requests).toHaveLength(0);
  });

  it("refuses a name that turns private between the check and the connection (rebinding)", async () => {
    const port = new URL(cm.url).port;
    await gateway(`http://gw.rebind.test:${port}`);
    try {
      let asked = 0;
      // Public for the check before the send, this machine for the connection.
      const resolve = (): Promise<LookupAddress[]> =>
        Promise.resolve([{ address: asked++ === 0 ? "93.184.216.34" : "127.0.0.1", family: 4 }]);
      const { conversationId } = await seed.startConversation();
      const clock = testClock();
      const outbox = { ...seed.outbox(clock), cmGateway: { allowPrivate: false, resolve } };
      const message = await seed.reply(conversationId, "rebound", clock.now());

      await runOutboxRound(outbox, () => {});
      expect(asked).toBe(2);
      expect(cm.requests).toHaveLength(0);
      expect((await load(message.id)).status).not.toBe("ACCEPTED");
      await ctx.db.prisma.message.update({ where: { id: message.id }, data: { status: "CANCELLED" } });
    } finally {
      await gateway(cm.url);
    }
  });

  it("sends to it when the operator allows private gateways", async () => {
    const { conversationId } = await seed.startConversation();
    const clock = testClock();
    const outbox = { ...seed.outbox(clock), cmGateway: { allowPrivate: true } };
    const message = await seed.reply(conversationId, "allowed", clock.now());
    await runOutboxRound(outbox, () => {});
    expect(await load(message.id)).toMatchObject({ status: "ACCEPTED" });
    expect(cm.requests).toHaveLength(1);
  });
});
