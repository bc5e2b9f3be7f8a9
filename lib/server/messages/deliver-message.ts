import { describeCmCode } from "../../cm/cm-codes";
import { buildSendRequest, type TOutboundContent } from "../../cm/build-send-request";
import { createCmClient, type TCmSendResult } from "../../cm/client";
import { parseStatusReports } from "../../cm/schemas/status-report";
import type { TSecretBox } from "../../crypto/secret-box";
import type { PrismaClient } from "../../db/generated/client";
import { applySendOutcome, type TDeliveryStatus } from "../../messages/delivery";
import type { TMessageView } from "../../messages/schemas";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "../conversations/to-summary";
import { applyDeliveryReport } from "./apply-delivery-report";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";
import { noEffects, type TEffects } from "../webhooks/effects";

export interface TDeliverDeps {
  prisma: PrismaClient;
  tokens: TSecretBox;
  /** CM's gateway unless the account overrides it. */
  cmBaseUrl: string;
}

/**
 * Hands a stored outbound message (state SENDING) to CM and records CM's answer. Status
 * reports may have arrived meanwhile (even before this call returned): the state only moves
 * forward, and reports that were waiting for this reference are applied now.
 */
export async function deliverMessage(
  deps: TDeliverDeps,
  { messageId, content }: { messageId: string; content: TOutboundContent },
): Promise<{ message: TMessageView; effects: TEffects }> {
  const message = await deps.prisma.message.findUniqueOrThrow({
    where: { id: messageId },
    include: { conversation: { include: { account: true, contact: true } } },
  });
  const { account, contact } = message.conversation;
  const reference = message.cmReference ?? "";
  let outcome: TOutcome;
  try {
    // Decrypting fails only if APP_SECRET changed since the token was stored: the message is
    // then recorded as failed with that reason, not left "sending".
    const productToken = deps.tokens.decrypt(account.productTokenEncrypted);
    const client = createCmClient({ baseUrl: account.cmBaseUrl ?? deps.cmBaseUrl });
    outcome = describeOutcome(
      await client.send({
        productToken,
        request: buildSendRequest([{ from: account.igAccountId, to: contact.igsid, reference, content }]),
      }),
    );
  } catch {
    outcome = {
      status: "FAILED",
      reason: "This account's CM product token cannot be read (was APP_SECRET changed?). An admin must enter it again.",
      retryable: false,
    };
  }

  const effects = noEffects();
  const updated = await deps.prisma.$transaction(async (tx) => {
    const current = await tx.message.findUniqueOrThrow({ where: { id: messageId } });
    const next = applySendOutcome(current, outcome.status);
    const row =
      next === null
        ? await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: MESSAGE_VIEW_INCLUDE })
        : await tx.message.update({
            where: { id: messageId },
            data: { status: next, statusReason: outcome.reason, retryable: outcome.retryable },
            include: MESSAGE_VIEW_INCLUDE,
          });
    effects.updatedMessages.push(toMessageView(row));
    // A message CM accepted takes a handed-over chat back from the Instagram inbox (spec).
    if (row.status !== "FAILED" && message.conversation.handoverUntil) {
      const conversation = await tx.conversation.update({
        where: { id: message.conversationId },
        data: { handoverUntil: null },
        include: CONVERSATION_SUMMARY_INCLUDE,
      });
      effects.conversations.push(toConversationSummary(conversation));
    }

    const waiting = await tx.webhookEvent.findMany({
      where: { kind: "STATUS_REPORT", cmReference: reference, state: "WAITING", accountId: account.id },
      orderBy: { receivedAt: "asc" },
    });
    for (const event of waiting) {
      const parsed = parseStatusReports(JSON.parse(event.payload));
      for (const report of parsed.ok ? parsed.value.filter((r) => r.reference === reference) : []) {
        await applyDeliveryReport(tx, { accountId: account.id, report }, effects);
      }
      await tx.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date(), state: "DONE" } });
    }
    return tx.message.findUniqueOrThrow({ where: { id: messageId }, include: MESSAGE_VIEW_INCLUDE });
  });
  return { message: toMessageView(updated), effects };
}

interface TOutcome {
  status: TDeliveryStatus;
  reason: string | null;
  retryable: boolean;
}

/** CM's answer as a state and a reason an agent can read. The token never appears here. */
function describeOutcome(result: TCmSendResult): TOutcome {
  switch (result.kind) {
    case "accepted":
      return { status: "ACCEPTED", reason: null, retryable: false };
    case "partial":
    case "rejected": {
      const rejected = result.messages.find((m) => m.status === "rejected");
      const code = result.kind === "rejected" ? result.code : (rejected?.code ?? 999);
      const details = rejected?.details ?? (result.kind === "rejected" ? result.details : null);
      return {
        status: "FAILED",
        reason: `CM.com refused the message: ${describeCmCode(code)}${details ? ` (${details})` : ""}.`,
        retryable: result.retryable,
      };
    }
    case "transport":
      return {
        status: "FAILED",
        reason:
          result.reason === "timeout"
            ? "CM.com did not answer in time. It may or may not have the message; retry to be sure."
            : result.reason === "network"
              ? "CM.com could not be reached. Retry when the connection is back."
              : `CM.com answered with an error (${result.status ?? result.reason}). Retry in a moment.`,
        retryable: result.retryable,
      };
  }
}
