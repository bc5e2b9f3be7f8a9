import { parseStatusReports } from "../../cm/schemas/status-report";
import type { Prisma } from "../../db/generated/client";
import { applyDeliveryReport } from "../../server/messages/apply-delivery-report";
import type { TEffects } from "../../effects/inbox-effects";

/**
 * Status reports for this reference that came before the message could take them (they were
 * stored WAITING) are applied now, oldest first; the state only moves forward.
 */
export async function applyWaitingReports(
  tx: Prisma.TransactionClient,
  { accountId, reference, now }: { accountId: string; reference: string; now: Date },
  effects: TEffects,
): Promise<void> {
  if (!reference) return;
  const waiting = await tx.webhookEvent.findMany({
    where: { kind: "STATUS_REPORT", cmReference: reference, state: "WAITING", accountId },
    orderBy: { receivedAt: "asc" },
  });
  for (const event of waiting) {
    const parsed = parseStatusReports(JSON.parse(event.payload));
    for (const report of parsed.ok ? parsed.value.filter((r) => r.reference === reference) : []) {
      await applyDeliveryReport(tx, { accountId, report }, effects);
    }
    await tx.webhookEvent.update({ where: { id: event.id }, data: { processedAt: now, state: "DONE" } });
  }
}
