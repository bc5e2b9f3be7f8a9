import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { listLabels } from "@/lib/server/labels/list-labels";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.listLabels, async ({ runtime }) => ({
  data: await listLabels(runtime.db.prisma),
  nextCursor: null,
}));
