import { AppError } from "../../errors";
import { ZOutboundContent, type TOutboundContentInput } from "../../messages/compose-schemas";
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
  const content = storedContent(message.content);
  if (!content) throw new AppError("CONFLICT", "This message was stored in a form that cannot be sent again.");
  const reset = await deps.prisma.message.update({
    where: { id: messageId },
    data: { status: "SENDING", statusReason: null, retryable: false },
    include: MESSAGE_VIEW_INCLUDE,
  });
  const effects = noEffects();
  effects.updatedMessages.push(toMessageView(reset));
  onStored(effects);
  return deliverMessage(deps, { messageId, content });
}

/** What we sent, as stored; older plain-text rows hold only `{ text }`. */
function storedContent(value: unknown): TOutboundContentInput | null {
  const parsed = ZOutboundContent.safeParse(value);
  if (parsed.success) return parsed.data;
  const text = (value as { text?: unknown } | null)?.text;
  return typeof text === "string" ? { kind: "text", text } : null;
}
