import { z } from "zod";
import { route } from "@/lib/http/route";
import { ZMessagePage, ZMessageAnswer } from "@/lib/messages/schemas";
import { ZSendMessage } from "@/lib/messages/compose-schemas";
import { listMessages } from "@/lib/server/messages/list-messages";
import { sendMessage } from "@/lib/server/messages/send-message";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

const ZQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Older than this cursor. */
    cursor: z.string().optional(),
    /** The page around this message (opening a search result). */
    around: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a message id")
      .optional(),
    /** Newer than this cursor (scrolling down from such a page). */
    after: z.string().min(1).optional(),
  })
  .refine(
    (q) => [q.cursor, q.around, q.after].filter(Boolean).length <= 1,
    "Give at most one of cursor, around, after.",
  );

export const GET = route(
  { access: "signed-in", params: ZIdParams, conversation: true, query: ZQuery, response: ZMessagePage },
  async ({ runtime, query, conversation }) =>
    listMessages(runtime.db.prisma, {
      conversationId: conversation.id,
      limit: query.limit,
      cursor: query.cursor,
      window: query.around ? { around: query.around } : query.after ? { after: query.after } : undefined,
    }),
);

/** An agent's reply: checked, stored queued, shown to everyone; the outbox sends it. */
export const POST = route(
  { access: "signed-in", params: ZIdParams, conversation: true, body: ZSendMessage, response: ZMessageAnswer },
  async ({ runtime, user, body, conversation, announce }) => {
    const { message, effects } = await sendMessage(runtime.db.prisma, {
      conversationId: conversation.id,
      authorId: user.id,
      content: body.content,
      clientId: body.clientId,
      takeBack: body.takeBack,
      now: new Date(),
    });
    announce(effects);
    runtime.workers?.outbox?.wake();
    return { message };
  },
);
