import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { apiActor } from "@/lib/server/api-tokens/token-access";
import { getReportOverview } from "@/lib/server/reports/get-report-overview";
import { resolveReportScope } from "@/lib/server/reports/resolve-report-scope";

export const dynamic = "force-dynamic";

/** Reports → Overview, over the accounts the token may reach. */
export const GET = apiRoute(V1.reportOverview, async ({ runtime, principal, query }) => {
  const prisma = runtime.db.prisma;
  const scope = await resolveReportScope(prisma, { user: apiActor(principal), query, now: new Date() });
  return getReportOverview(prisma, scope);
});
