import { route } from "@/lib/http/route";
import { ZReportOverview, ZReportQuery } from "@/lib/reports/schemas";
import { getReportOverview } from "@/lib/server/reports/get-report-overview";
import { resolveReportScope } from "@/lib/server/reports/resolve-report-scope";

export const dynamic = "force-dynamic";

/** Reports → Overview: the measures beside the previous period's, over time, and the heatmap. */
export const GET = route(
  { access: "admin", query: ZReportQuery, response: ZReportOverview },
  async ({ runtime, user, query }) => {
    const prisma = runtime.db.prisma;
    return getReportOverview(prisma, await resolveReportScope(prisma, { user, query, now: new Date() }));
  },
);
