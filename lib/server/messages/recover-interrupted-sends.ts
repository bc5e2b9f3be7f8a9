import type { PrismaClient } from "../../db/generated/client";

/**
 * How long a send may stay "sending" before we conclude the server stopped during it: well
 * beyond the CM client's own deadline (5 s to connect + 15 s to answer), so an instance starting
 * beside a busy one never fails a send that is still in flight there.
 */
export const INTERRUPTED_AFTER_MS = 60_000;

/**
 * At start: a message still SENDING from before was cut off by a stop or a crash between
 * storing it and recording CM's answer. CM may or may not have it, so it becomes a retryable
 * failure the agent sees, instead of a bubble that says "sending" forever. A status report
 * that arrives later still moves it on (the state machine lets CM overrule our doubt).
 */
export async function recoverInterruptedSends(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.message.updateMany({
    where: {
      direction: "OUTBOUND",
      status: "SENDING",
      updatedAt: { lt: new Date(now.getTime() - INTERRUPTED_AFTER_MS) },
    },
    data: {
      status: "FAILED",
      retryable: true,
      statusReason: "The server stopped before CM.com confirmed this message. Retry to be sure it was sent.",
    },
  });
  return count;
}
