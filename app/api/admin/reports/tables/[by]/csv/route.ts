import { route } from "@/lib/http/route";
import { reportCsv, reportCsvFilename } from "@/lib/reports/csv";
import { ZReportTableParams, ZReportTableQuery } from "@/lib/reports/schemas";
import { getReportTable } from "@/lib/server/reports/get-report-table";
import { resolveReportScope } from "@/lib/server/reports/resolve-report-scope";

export const dynamic = "force-dynamic";

/** A report table as a CSV download: the rows the page shows, in its order (same query). */
export const GET = route(
  { access: "admin", params: ZReportTableParams, query: ZReportTableQuery },
  async ({ runtime, user, query, params }) => {
    const prisma = runtime.db.prisma;
    const scoped = await resolveReportScope(prisma, { user, query, now: new Date() });
    const table = await getReportTable(prisma, { ...scoped, by: params.by, sort: query.sort, dir: query.dir });
    return new Response(reportCsv(table.by, table.rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${reportCsvFilename(table.by, table.period)}"`,
        "cache-control": "no-store",
      },
    });
  },
);
