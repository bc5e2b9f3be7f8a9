import { expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { createDemoMessage } from "../../server/demo/create-demo-message";
import { startWindowsWorker } from "./start-windows-worker";

describeEachDatabase("the lost-windows worker", (ctx) => {
  it("counts a waiting customer's closed window in its first round", async () => {
    const { id: accountId } = await createTestAccount(ctx.db.prisma);
    const wrote = new Date("2026-03-10T12:00:00.000Z");
    await createDemoMessage(ctx.db.prisma, { accountId, igsid: "1", name: "A", username: "a", text: "hi", now: wrote });
    // The loop's first round starts at once; stop() waits for it to finish.
    const worker = startWindowsWorker({ prisma: ctx.db.prisma, now: () => new Date("2026-03-11T13:00:00.000Z") });
    await worker.stop();
    const facts = await ctx.db.prisma.reportEvent.findMany({ where: { kind: "WINDOW_LOST", accountId } });
    expect(facts.map((fact) => fact.at.toISOString())).toEqual(["2026-03-11T12:00:00.000Z"]);
  });
});
