import { AppError } from "../../errors";
import type { TOutboundContent } from "../../cm/build-send-request";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";
import { deliverMessage, type TDeliverDeps } from "./deliver-message";
import { noEffects, type TEffects } from "../webhooks/effects";

/**
 * Sends a failed message again, with the same reference: if CM did get the first attempt
 * (a timeout), its late status reports still find this message.
 */
export async function retryMessage(deps: TDeliverDeps, messageId: string, onStored: (effects: TEffects) => void) {
  const message = await deps.prisma.message.findUnique({ where: { id: messageId } });
  if (!message || message.direction !== "OUTBOUND")
    throw new AppError("NOT_FOUND", "There is no such message of ours.");
  if (message.status !== "FAILED") throw new AppError("CONFLICT", "Only a failed message can be sent again.");
  if (message.kind !== "TEXT") throw new AppError("CONFLICT", "Only text messages can be sent again for now.");
  const reset = await deps.prisma.message.update({
    where: { id: messageId },
    data: { status: "SENDING", statusReason: null, retryable: false },
    include: MESSAGE_VIEW_INCLUDE,
  });
  const effects = noEffects();
  effects.updatedMessages.push(toMessageView(reset));
  onStored(effects);
  const content: TOutboundContent = { kind: "text", text: String((message.content as { text?: unknown }).text ?? "") };
  return deliverMessage(deps, { messageId, content });
}
