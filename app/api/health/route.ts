import { NextResponse } from "next/server";
import { getRuntime } from "@/lib/runtime";
import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(getRuntime());
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
}
