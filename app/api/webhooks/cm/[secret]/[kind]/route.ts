import { getRuntime } from "@/lib/runtime";
import { unavailableAnswer, webhookResponse } from "@/lib/pipeline/intake/webhook-intake";

// CM's webhooks: POST /api/webhooks/cm/<secret>/messages | events | status-reports, the URLs
// the admin page shows. The intake (lib/pipeline/intake/webhook-intake.ts) lives in the
// custom server's module graph and reaches this route through lib/runtime.ts; while the
// server starts or stops there is none, and CM is told to come back.
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ secret: string; kind: string }> }) {
  const intake = getRuntime()?.intake?.();
  if (!intake) return webhookResponse(unavailableAnswer("The inbox is starting or stopping; CM will retry."));
  const { secret, kind } = await params;
  return webhookResponse(await intake({ secret, kind, request }));
}
