import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { apiActor, assertTokenConversationAccess } from "@/lib/server/api-tokens/token-access";
import { listMessages } from "@/lib/server/messages/list-messages";
import { addNote } from "@/lib/server/notes/add-note";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.listNotes, async ({ runtime, principal, params, query }) => {
  await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
  const page = await listMessages(runtime.db.prisma, {
    conversationId: params.id,
    limit: query.limit,
    cursor: query.cursor,
    kind: "NOTE",
  });
  return { data: page.messages, nextCursor: page.nextCursor };
});

/** The agents' own notes, written by the token ("via API: <token name>"); see V1.addNote. */
export const POST = apiRoute(V1.addNote, async ({ runtime, principal, params, body, announce, remember }) => {
  const { message, effects, mentions } = await addNote(runtime.db.prisma, {
    conversationId: params.id,
    author: apiActor(principal),
    text: body.text,
    now: new Date(),
    alsoInTransaction: (tx, view) => remember(tx, view),
  });
  announce(effects, { kind: "mentioned", mentions });
  return message;
});
