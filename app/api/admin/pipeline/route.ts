import { route } from "@/lib/http/route";
import { ZPipelineStatus } from "@/lib/webhooks/pipeline-status";
import { getPipelineStatus } from "@/lib/server/pipeline/get-pipeline-status";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", response: ZPipelineStatus }, ({ runtime }) =>
  getPipelineStatus(runtime.db.prisma, { now: new Date() }),
);
