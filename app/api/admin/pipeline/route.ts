import { route } from "@/lib/http/route";
import { getPipelineStatus } from "@/lib/server/pipeline/get-pipeline-status";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, ({ runtime }) =>
  getPipelineStatus(runtime.db.prisma, { now: new Date() }),
);
