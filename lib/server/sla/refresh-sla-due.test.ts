import { expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { refreshSlaDue, type TChangePoint } from "./refresh-sla-due";

// A round writes every conversation it changes with one updatedAt, so a full page of changes
// can end inside a run of equal times (a policy changed on an account with hundreds of open
// conversations). The next page must go on after the last row read, not read the run again.

describeEachDatabase("refreshSlaDue's pages of changes", (ctx) => {
  it("goes on through more changes than a page holds, all with one time, and then says nothing more waits", async () => {
    const { prisma } = ctx.db;
    const { id: accountId } = await createTestAccount(prisma, { displayName: "Busy shop" });
    const at = new Date("2026-03-02T10:00:00Z");
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const contact = await prisma.contact.create({ data: { accountId, igsid: `7700${n}` }, select: { id: true } });
      const row = await prisma.conversation.create({
        data: { accountId, contactId: contact.id, lastMessageAt: at, status: "RESOLVED", updatedAt: at },
        select: { id: true },
      });
      ids.push(row.id);
    }
    ids.sort();

    const pages: (TChangePoint | null)[] = [];
    let changedSince: TChangePoint | null = { at: new Date(at.getTime() - 1_000), afterId: null };
    for (let round = 0; round < 4 && changedSince; round++) {
      const result = await refreshSlaDue(prisma, {
        settings: new Map(),
        now: new Date(at.getTime() + 60_000),
        changedSince,
        sweepAfter: null,
        limit: 2,
      });
      pages.push(result.changedUpTo);
      changedSince = result.changedUpTo;
    }
    expect(pages).toEqual([{ at, afterId: ids[1] }, { at, afterId: ids[3] }, null]);
  });
});
