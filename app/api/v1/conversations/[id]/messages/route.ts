import { ZV1Message, ZV1MessageList, ZV1MessageQuery, ZV1SendMessage } from "@/lib/api-v1/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { ZIdParams } from "@/lib/http/route-params";
import { assertTokenConversationAccess } from "@/lib/server/api-tokens/token-access";
import { listMessages } from "@/lib/server/messages/list-messages";
import { sendMessage } from "@/lib/server/messages/send-message";

export const dynamic = "force-dynamic";

/** The thread, newest first. */
export const GET = apiRoute(
  { scope: "conversations:read", params: ZIdParams, query: ZV1MessageQuery, response: ZV1MessageList },
  async ({ runtime, principal, params, query }) => {
    await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
    const page = await listMessages(runtime.db.prisma, {
      conversationId: params.id,
      limit: query.limit,
      cursor: query.cursor,
      window: undefined,
    });
    return { data: page.messages, nextCursor: page.nextCursor };
  },
);

/**
 * Sends a message through the outbox, as an agent's reply is, signed "via API: <token name>":
 * 201 with it QUEUED; its status follows as the outbox and CM's reports move it. With an
 * Idempotency-Key, a retry answers the first answer and sends nothing more.
 */
export const POST = apiRoute(
  {
    scope: "messages:write",
    params: ZIdParams,
    body: ZV1SendMessage,
    response: ZV1Message,
    status: 201,
    idempotent: true,
  },
  async ({ runtime, principal, params, body, announce, remember }) => {
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
  },
);
