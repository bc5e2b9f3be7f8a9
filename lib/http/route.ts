import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "../errors";
import { getRuntime, type TRuntime } from "../runtime";

// The one wrapper every JSON route handler goes through: it owns body/query parsing and
// validation, the runtime lookup and error mapping, so each handler is a few lines.
// Later: the session and role checks live here too.

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

interface TRouteOptions<TBody extends z.ZodType, TQuery extends z.ZodType> {
  body?: TBody;
  query?: TQuery;
  maxBodyBytes?: number;
}

interface TRouteContext<TBody, TQuery> {
  request: NextRequest;
  runtime: TRuntime;
  body: TBody;
  query: TQuery;
  params: Record<string, string>;
}

type THandler<TBody, TQuery> = (ctx: TRouteContext<TBody, TQuery>) => Promise<unknown>;

export function route<TBody extends z.ZodType = z.ZodUndefined, TQuery extends z.ZodType = z.ZodUndefined>(
  options: TRouteOptions<TBody, TQuery>,
  handler: THandler<z.infer<TBody>, z.infer<TQuery>>,
) {
  return async (request: NextRequest, context: { params?: Promise<Record<string, string>> }) => {
    try {
      const runtime = getRuntime();
      if (!runtime) throw new AppError("UNAVAILABLE", "The server is starting or shutting down; try again.");
      const body = options.body
        ? parseWith(options.body, await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "body")
        : undefined;
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams), "query")
        : undefined;
      const params = (await context.params) ?? {};
      const result = await handler({ request, runtime, body, query, params } as TRouteContext<
        z.infer<TBody>,
        z.infer<TQuery>
      >);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status },
    );
  }
  // Unknown failures are logged here and answered without their message: it may hold
  // internals (SQL, paths, tokens) a browser must not see.
  console.error("Unhandled error in route handler:", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

async function readJson(request: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

function parseWith<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || where}: ${i.message}`);
    throw new AppError("BAD_REQUEST", `Invalid ${where}: ${problems.join("; ")}`, { problems });
  }
  return result.data;
}
