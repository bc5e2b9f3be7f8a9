import { describeCmCode } from "../../cm/cm-codes";
import type { TStatusReport } from "../../cm/schemas/status-report";
import type { Prisma } from "../../db/generated/client";
import { applyStatusReport } from "../../messages/delivery";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";
import type { TEffects } from "../../effects/inbox-effects";

/**
 * Applies one CM status report to our message with that reference. Returns false when no
 * message has the reference yet (the report came before we stored the send): it stays
 * pending and is applied when the send is recorded.
 */
export async function applyDeliveryReport(
  tx: Prisma.TransactionClient,
  { accountId, report }: { accountId: string; report: TStatusReport },
  effects: TEffects,
): Promise<boolean> {
  if (!report.reference) return true;
  const message = await tx.message.findFirst({
    where: { cmReference: report.reference, direction: "OUTBOUND", conversation: { accountId } },
  });
  if (!message) return false;
  if (report.status === "unknown") return true;
  const reported = report.status === "accepted" ? "accepted" : report.status === "delivered" ? "delivered" : "failed";
  const next = applyStatusReport(message, reported);
  if (next === null) return true;
  const updated = await tx.message.update({
    where: { id: message.id },
    data: {
      status: next,
      retryable: false,
      statusReason: next === "FAILED" ? failureReason(report) : null,
    },
    include: MESSAGE_VIEW_INCLUDE,
  });
  effects.updatedMessages.push(toMessageView(updated));
  effects.accounts.set(updated.conversationId, accountId);
  return true;
}

function failureReason(report: TStatusReport): string {
  if (report.errorDescription) return `Instagram did not take the message: ${report.errorDescription}`;
  if (report.errorCode !== null) return `Instagram did not take the message (${describeCmCode(report.errorCode)}).`;
  return "Instagram did not take the message (CM reported it as failed, without a reason).";
}
