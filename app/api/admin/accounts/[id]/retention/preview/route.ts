import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { ZRetentionPreview, ZRetentionPreviewRequest } from "@/lib/retention/schemas";
import { previewRetention } from "@/lib/server/retention/preview-retention";

export const dynamic = "force-dynamic";

/** What retention with these months would delete if it ran now (read only). */
export const POST = route(
  { access: "admin", params: ZIdParams, body: ZRetentionPreviewRequest, response: ZRetentionPreview },
  async ({ runtime, params, body }) =>
    previewRetention(runtime.db.prisma, { accountId: params.id, months: body.months, now: new Date() }),
);
