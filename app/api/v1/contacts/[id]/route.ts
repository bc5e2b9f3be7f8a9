import { V1 } from "@/lib/api-v1/operations";
import { toV1Contact } from "@/lib/api-v1/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { apiActor } from "@/lib/server/api-tokens/token-access";
import { getContact } from "@/lib/server/contacts/get-contact";
import { saveContactNotes } from "@/lib/server/contacts/save-contact-notes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.getContact, async ({ runtime, principal, params }) =>
  toV1Contact(await getContact(runtime.db.prisma, { contactId: params.id, user: apiActor(principal) })),
);

/** The contact panel's save, by the token (it names no editor: no person wrote them); see V1.saveContactNotes. */
export const PATCH = apiRoute(V1.saveContactNotes, async ({ runtime, principal, params, body, announce }) => {
  const actor = apiActor(principal);
  const { effect } = await saveContactNotes(runtime.db.prisma, { contactId: params.id, actor, input: body });
  announce(effect);
  return toV1Contact(await getContact(runtime.db.prisma, { contactId: params.id, user: actor }));
});
