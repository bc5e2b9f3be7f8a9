import { z } from "zod";

// The dynamic segments of API addresses, validated by the route wrapper (lib/http/route.ts)
// before a handler sees them: an address whose id cannot be one of ours is "not found".

/** Our ids: cuid or UUID (and better-auth's), never more than 64 URL-safe characters. */
export const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not an id");

/** `/…/[id]/…` */
export const ZIdParams = z.object({ id: ZId });

/** `/api/conversations/[id]/labels/[labelId]` */
export const ZConversationLabelParams = z.object({ id: ZId, labelId: ZId });
