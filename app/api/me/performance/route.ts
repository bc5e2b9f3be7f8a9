import { route } from "@/lib/http/route";
import { ZMyPerformanceQuery, ZReportOverview } from "@/lib/reports/schemas";
import { getReportOverview } from "@/lib/server/reports/get-report-overview";
import { resolveReportScope } from "@/lib/server/reports/resolve-report-scope";

export const dynamic = "force-dynamic";

/** My performance: the signed-in user's own figures, in their accounts only. */
export const GET = route(
  { access: "signed-in", query: ZMyPerformanceQuery, response: ZReportOverview },
  async ({ runtime, user, query }) => {
    const prisma = runtime.db.prisma;
    return getReportOverview(prisma, await resolveReportScope(prisma, { user, query, now: new Date(), own: true }));
  },
);
