import { newCmReference } from "../../cm/reference";
import { canSend } from "../../channel/rules";
import { AppError } from "../../errors";
import { recordMessage } from "./record-message";
import { deliverMessage, type TDeliverDeps } from "./deliver-message";
import { noEffects, type TEffects } from "../webhooks/effects";

/**
 * An agent's text reply. The message is stored first (state SENDING, with its CM reference),
 * so nothing is lost if CM or we fail mid-way and early status reports find it; then it is
 * sent, and CM's answer recorded. `onStored` lets the caller show the bubble to everyone at once.
 */
export async function sendTextMessage(
  deps: TDeliverDeps,
  input: {
    conversationId: string;
    authorId: string;
    text: string;
    clientId?: string | undefined;
    takeBack?: boolean | undefined;
    now: Date;
  },
  onStored: (effects: TEffects) => void,
) {
  const conversation = await deps.prisma.conversation.findUnique({
    where: { id: input.conversationId },
    include: { account: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  if (!conversation.account.enabled) {
    throw new AppError("CONFLICT", "This Instagram account is disabled: an admin can enable it again.");
  }
  const verdict = canSend(conversation, input.now, { takeBack: input.takeBack ?? false });
  if (!verdict.ok) throw new AppError("CONFLICT", verdict.reason, { rule: verdict.code });
  const stored = noEffects();
  const message = await deps.prisma.$transaction((tx) =>
    recordMessage(
      tx,
      {
        conversationId: conversation.id,
        direction: "OUTBOUND",
        kind: "TEXT",
        content: { text: input.text },
        status: "SENDING",
        cmReference: newCmReference(),
        clientId: input.clientId ?? null,
        authorId: input.authorId,
        sentAt: input.now,
      },
      { effects: stored, opensWindow: false },
    ),
  );
  onStored(stored);
  return deliverMessage(deps, { messageId: message.id, content: { kind: "text", text: input.text } });
}
