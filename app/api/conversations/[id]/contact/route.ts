import { ZSaveContactNotes, ZContactAnswer } from "@/lib/contacts/schemas";
import { route } from "@/lib/http/route";
import { getContactDetails } from "@/lib/server/contacts/get-contact-details";
import { saveContactNotes } from "@/lib/server/contacts/save-contact-notes";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** The conversation's customer for the contact panel; 404 as for a missing conversation when not ours. */
export const GET = route(
  { access: "signed-in", params: ZIdParams, response: ZContactAnswer },
  async ({ runtime, user, params }) => {
    const { accountId: _, ...contact } = await getContactDetails(runtime.db.prisma, {
      conversationId: params.id,
      user,
    });
    return { contact };
  },
);

/** Saves the customer notes; 409 with the current notes when they changed since the agent began. */
export const PATCH = route(
  { access: "signed-in", params: ZIdParams, body: ZSaveContactNotes, response: ZContactAnswer },
  async ({ runtime, user, body, params, announce }) => {
    const {
      effect,
      accountId: _,
      ...contact
    } = await saveContactNotes(runtime.db.prisma, {
      conversationId: params.id,
      actor: user,
      input: body,
    });
    announce(effect);
    return { contact };
  },
);
