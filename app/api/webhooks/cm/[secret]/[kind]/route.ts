import { getRuntime } from "@/lib/runtime";
import { metrics } from "@/lib/metrics/metrics";
import { unavailableAnswer, webhookResponse } from "@/lib/pipeline/intake/webhook-intake";

// CM's webhooks: POST /api/webhooks/cm/<secret>/messages | events | status-reports, the URLs
// the admin page shows. The intake (lib/pipeline/intake/webhook-intake.ts) lives in the
// custom server's module graph and reaches this route through lib/runtime.ts; while the
// server starts or stops there is none, and CM is told to come back.
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ secret: string; kind: string }> }) {
  const { secret, kind } = await params;
  const intake = getRuntime()?.intake?.();
  if (intake) return webhookResponse(await intake({ secret, kind, request }));
  // The intake counts what it answers; this refusal is counted here (lib/metrics).
  metrics().webhookAnswered(kind, 503);
  return webhookResponse(unavailableAnswer("The inbox is starting or stopping; CM will retry."));
}
