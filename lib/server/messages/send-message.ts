import { buildInstagramMessage } from "../../cm/build-send-request";
import { newCmReference } from "../../cm/reference";
import { validateInstagramMessage } from "../../cm/validate-instagram-message";
import { canSend } from "../../channel/rules";
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { outboundKind, type TOutboundContentInput } from "../../messages/compose-schemas";
import type { TMessageView } from "../../messages/schemas";
import { recordMessage } from "./record-message";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";
import { noEffects, type TEffects } from "../../effects/inbox-effects";

/**
 * Who sends: an agent (a person), or an API token (issue 21: "via API: <name>", no person; it
 * counts as an automatic message in reports and never carries Instagram's human agent tag).
 */
export type TSender = { authorId: string; apiTokenId?: undefined } | { apiTokenId: string; authorId?: undefined };

/**
 * A reply of any kind, by an agent or through the API. It is checked against Instagram's rules (the reply window,
 * the handover, and the message limits as CM applies them), then stored QUEUED with its CM
 * reference; the outbox (lib/pipeline/outbox) sends it, retries it and records CM's answer.
 * The caller announces the effects and wakes the outbox.
 *
 * A browser that lost its connection resends with the same clientId: when that first request
 * did arrive, its message is answered again instead of being stored (and sent) twice.
 */
export async function sendMessage(
  prisma: PrismaClient,
  input: TSender & {
    conversationId: string;
    content: TOutboundContentInput;
    clientId?: string | undefined;
    takeBack?: boolean | undefined;
    now: Date;
    /**
     * Runs in the transaction that stores the message, with its view: what must be recorded
     * exactly when the message is (an API request's idempotency key and answer).
     */
    alsoInTransaction?: (tx: Prisma.TransactionClient, message: TMessageView) => Promise<void>;
  },
): Promise<{ message: TMessageView; effects: TEffects }> {
  const { conversation, verdict, reference } = await checkSendable(prisma, input);

  if (input.clientId && input.authorId) {
    const earlier = await prisma.message.findFirst({
      where: { conversationId: conversation.id, clientId: input.clientId, authorId: input.authorId },
      include: MESSAGE_VIEW_INCLUDE,
    });
    if (earlier) return { message: toMessageView(earlier), effects: noEffects() };
  }

  const effects = noEffects();
  const message = await prisma.$transaction(async (tx) => {
    const recorded = await recordMessage(
      tx,
      {
        conversationId: conversation.id,
        direction: "OUTBOUND",
        kind: outboundKind(input.content),
        content: input.content,
        status: "QUEUED",
        tag: verdict.tag,
        nextAttemptAt: input.now,
        cmReference: reference,
        clientId: input.clientId ?? null,
        authorId: input.authorId ?? null,
        apiTokenId: input.apiTokenId ?? null,
        sentAt: input.now,
      },
      { effects, opensWindow: false },
    );
    const view = toMessageView(recorded.message);
    await input.alsoInTransaction?.(tx, view);
    return view;
  });
  return { message, effects };
}

/**
 * The conversation, the window's verdict and a CM reference for a message that may be sent:
 * refused (409) outside the rules of the channel (the reply window, the handover, a disabled
 * account), and (400) when Instagram would refuse the message itself.
 */
async function checkSendable(
  prisma: PrismaClient,
  input: TSender & {
    conversationId: string;
    content: TOutboundContentInput;
    takeBack?: boolean | undefined;
    now: Date;
  },
) {
  const conversation = await prisma.conversation.findUnique({
    where: { id: input.conversationId },
    include: { account: true, contact: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  if (!conversation.account.enabled) {
    throw new AppError("CONFLICT", "This Instagram account is disabled: an admin can enable it again.");
  }
  // Only a message a person writes may carry the human agent tag (Meta's rule for the tag).
  const verdict = canSend(conversation, input.now, {
    takeBack: input.takeBack ?? false,
    humanAgentTag: input.authorId !== undefined && conversation.account.humanAgentTag,
  });
  if (!verdict.ok) throw new AppError("CONFLICT", verdict.reason, { rule: verdict.code });

  const reference = newCmReference();
  // The same rules the gateway applies (lib/cm), so a message CM would refuse is never stored.
  const { problems } = validateInstagramMessage(
    buildInstagramMessage({
      from: conversation.account.igAccountId,
      to: conversation.contact.igsid,
      reference,
      content: input.content,
      ...(verdict.tag ? { tag: verdict.tag } : {}),
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
  return { conversation, verdict, reference };
}
