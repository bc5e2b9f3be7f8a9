import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { assertTokenConversationAccess } from "@/lib/server/api-tokens/token-access";
import { listMessages } from "@/lib/server/messages/list-messages";
import { sendMessage } from "@/lib/server/messages/send-message";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.listMessages, async ({ runtime, principal, params, query }) => {
  await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
  const page = await listMessages(runtime.db.prisma, {
    conversationId: params.id,
    limit: query.limit,
    cursor: query.cursor,
    window: undefined,
  });
  return { data: page.messages, nextCursor: page.nextCursor };
});

/** Through the outbox as an agent's reply, signed "via API: <token name>"; see V1.sendMessage. */
export const POST = apiRoute(V1.sendMessage, async ({ runtime, principal, params, body, announce, remember }) => {
  await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
  const { message, effects } = await sendMessage(runtime.db.prisma, {
    conversationId: params.id,
    apiTokenId: principal.tokenId,
    content: body.content,
    takeBack: body.takeBack,
    now: new Date(),
    alsoInTransaction: (tx, view) => remember(tx, view),
  });
  announce(effects);
  runtime.workers?.outbox?.wake();
  return message;
});
