import { route } from "@/lib/http/route";
import { ZReportTable, ZReportTableParams, ZReportTableQuery } from "@/lib/reports/schemas";
import { getReportTable } from "@/lib/server/reports/get-report-table";
import { resolveReportScope } from "@/lib/server/reports/resolve-report-scope";

export const dynamic = "force-dynamic";

/** Reports → Agents, Accounts, Labels: one row each, in the order asked for. */
export const GET = route(
  { access: "admin", params: ZReportTableParams, query: ZReportTableQuery, response: ZReportTable },
  async ({ runtime, user, query, params }) => {
    const prisma = runtime.db.prisma;
    const scoped = await resolveReportScope(prisma, { user, query, now: new Date() });
    return getReportTable(prisma, { ...scoped, by: params.by, sort: query.sort, dir: query.dir });
  },
);
