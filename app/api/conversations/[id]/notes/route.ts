import { route } from "@/lib/http/route";
import { ZMessageAnswer } from "@/lib/messages/schemas";
import { ZAddNote } from "@/lib/notes/schemas";
import { addNote } from "@/lib/server/notes/add-note";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** A private note in the thread: shown to every agent of the account, never sent to the customer. */
export const POST = route(
  { access: "signed-in", params: ZIdParams, body: ZAddNote, response: ZMessageAnswer },
  async ({ runtime, user, body, params, announce }) => {
    const { message, effects, mentions } = await addNote(runtime.db.prisma, {
      conversationId: params.id,
      author: user,
      text: body.text,
      clientId: body.clientId,
      now: new Date(),
    });
    announce(effects, { kind: "mentioned", mentions });
    return { message };
  },
);
