import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";
import { readJsonBody } from "@/lib/http/read-body";
import { emitEffects } from "@/lib/realtime/emit";
import { getRuntime } from "@/lib/runtime";
import {
  WEBHOOK_KINDS,
  findWebhookAccount,
  receiveWebhook,
  type TWebhookKind,
} from "@/lib/server/webhooks/receive-webhook";

export const dynamic = "force-dynamic";

/** CM's webhooks are small JSON documents; anything bigger is not one of them. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

// CM.com posts inbound messages, events and status reports here, one URL set per linked
// account. The secret in the path authenticates (CM signs nothing, FORMATS.md §6). We answer
// 200 only once the webhook and its effect are committed; CM retries anything else.
export async function POST(request: Request, context: { params: Promise<{ secret: string; kind: string }> }) {
  try {
    const runtime = getRuntime();
    if (!runtime) throw new AppError("UNAVAILABLE", "Starting up; CM will retry.");
    const { secret, kind } = await context.params;
    if (!(WEBHOOK_KINDS as readonly string[]).includes(kind)) {
      throw new AppError("NOT_FOUND", `Unknown webhook kind "${kind}": use messages, events or status-reports.`);
    }
    const account = await findWebhookAccount(runtime.db.prisma, secret);
    const body = await readJsonBody(request, MAX_WEBHOOK_BYTES);
    const result = await receiveWebhook(runtime.db.prisma, { account, kind: kind as TWebhookKind, body });
    emitEffects(result.effects);
    return NextResponse.json({
      ok: true,
      stored: result.stored,
      duplicates: result.duplicates,
      pending: result.pending,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
