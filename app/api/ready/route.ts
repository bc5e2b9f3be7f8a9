import { NextResponse } from "next/server";
import { getRuntime } from "@/lib/runtime";
import { checkReadiness } from "@/lib/server/health/check-readiness";

export const dynamic = "force-dynamic";

// Readiness for proxies and orchestrators; /api/health stays the cheap liveness check.
export async function GET() {
  const readiness = await checkReadiness(getRuntime());
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
