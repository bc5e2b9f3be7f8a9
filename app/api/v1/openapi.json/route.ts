import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api-v1/openapi";
import { getRuntime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

/** The API's OpenAPI 3.1 description: public, as an API's reference is (it holds no data). */
export function GET(): Response {
  return NextResponse.json(openApiDocument(getRuntime()?.version ?? "unknown"), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
