import { buildInstagramMessage } from "../../cm/build-send-request";
import { newCmReference } from "../../cm/reference";
import { validateInstagramMessage } from "../../cm/validate-instagram-message";
import { canSend } from "../../channel/rules";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import { outboundKind, type TOutboundContentInput } from "../../messages/compose-schemas";
import { deliverMessage, type TDeliverDeps } from "./deliver-message";
import { recordMessage } from "./record-message";
import { noEffects, type TEffects } from "../webhooks/effects";

/**
 * An agent's reply of any kind. It is checked against Instagram's rules (the reply window,
 * the handover, and the message limits as CM applies them), then stored first (state SENDING,
 * with its CM reference), so nothing is lost if CM or we fail mid-way and early status reports
 * find it; then sent, and CM's answer recorded. `onStored` shows the bubble to everyone at once.
 */
export async function sendMessage(
  deps: TDeliverDeps,
  input: {
    conversationId: string;
    authorId: string;
    content: TOutboundContentInput;
    clientId?: string | undefined;
    takeBack?: boolean | undefined;
    now: Date;
  },
  onStored: (effects: TEffects) => void,
) {
  const conversation = await deps.prisma.conversation.findUnique({
    where: { id: input.conversationId },
    include: { account: true, contact: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  if (!conversation.account.enabled) {
    throw new AppError("CONFLICT", "This Instagram account is disabled: an admin can enable it again.");
  }
  const verdict = canSend(conversation, input.now, { takeBack: input.takeBack ?? false });
  if (!verdict.ok) throw new AppError("CONFLICT", verdict.reason, { rule: verdict.code });

  const reference = newCmReference();
  // The same rules the gateway applies (lib/cm), so a message CM would refuse is never stored.
  const { problems } = validateInstagramMessage(
    buildInstagramMessage({
      from: conversation.account.igAccountId,
      to: conversation.contact.igsid,
      reference,
      content: input.content,
    }),
  );
  if (problems.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `Instagram would refuse this message: ${problems.map((p) => p.reason).join("; ")}.`,
      {
        problems,
      },
    );
  }

  const stored = noEffects();
  const message = await deps.prisma.$transaction((tx) =>
    recordMessage(
      tx,
      {
        conversationId: conversation.id,
        direction: "OUTBOUND",
        kind: outboundKind(input.content),
        content: input.content as Prisma.InputJsonValue,
        status: "SENDING",
        cmReference: reference,
        clientId: input.clientId ?? null,
        authorId: input.authorId,
        sentAt: input.now,
      },
      { effects: stored, opensWindow: false },
    ),
  );
  onStored(stored);
  return deliverMessage(deps, { messageId: message.id, content: input.content });
}
