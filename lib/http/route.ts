import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getSessionUser, type TSessionUser } from "../auth/session";
import { isDatabaseUnavailable } from "../db/unavailable";
import { AppError } from "../errors";
import { oneLine } from "../errors-one-line";
import type { TEffect } from "../effects/effects";
import { announce } from "../realtime/server/announce";
import { assertConversationAccess } from "../server/access/assert-conversation-access";
import { getRuntime, type TRuntime } from "../runtime";
import { API_JSON_MAX_BYTES } from "./body-limits";
import { readJsonBody } from "./read-body";
import { addLogContext, log } from "../log/logger";

// The one wrapper every JSON route handler goes through: it owns the session and role check,
// address/body/query parsing and validation, the runtime lookup, the answer's shape, telling
// the browsers what changed, and error mapping, so each handler is a few lines. `access` is
// required: a route is public only by saying so.

export type TAccess = "public" | "signed-in" | "admin";

interface TRouteOptions<
  TBody extends z.ZodType,
  TQuery extends z.ZodType,
  TParams extends z.ZodType,
  TResponse extends z.ZodType,
  A extends TAccess,
  C extends boolean,
> {
  access: A;
  /**
   * The answer's shape, as the browser reads it (JSON: dates as strings). The handler's result
   * is checked against it and only what it names is sent; one that does not fit is our bug: a
   * 500, logged. Shared with the browser's fetchers (lib/queries), which parse with it too.
   */
  response?: TResponse;
  /** The address's dynamic segments (lib/http/route-params.ts); one that does not fit is a 404. */
  params?: TParams;
  /**
   * The address's `[id]` is a conversation this user may see (lib/server/access: an admin any, an
   * agent their accounts'), handed over as `ctx.conversation`; else 404 in a missing one's words.
   */
  conversation?: z.infer<TParams> extends { id: string } ? C : never;
  body?: TBody;
  query?: TQuery;
  maxBodyBytes?: number;
  /** The status of an answer that is not a `Response`: 200 unless said (201 for a thing created). */
  status?: number;
}

/**
 * What every wrapped handler was built with, for the sweeps that check all routes
 * (app/api/*.test.ts). "token": the public API's routes (lib/http/api-route.ts), which take an
 * API token and never a session.
 */
export type TRouteDeclaration = Readonly<{ access: TAccess | "token"; response?: z.ZodType; params?: z.ZodType }>;
const declarations = new WeakMap<object, TRouteDeclaration>();

/** Records what a handler built by another wrapper (api-route.ts) declares. */
export function declareRoute(handler: object, declaration: TRouteDeclaration): void {
  declarations.set(handler, declaration);
}

/** The options a handler exported by a route file was wrapped with; undefined when `route` did not build it. */
export function routeDeclaration(handler: unknown): TRouteDeclaration | undefined {
  return typeof handler === "function" ? declarations.get(handler) : undefined;
}

/** A conversation the route's user may see, resolved from the address (`conversation: true`). */
export interface TConversationRef {
  id: string;
  accountId: string;
}

interface TRouteContext<TBody, TQuery, TParams, A extends TAccess, C extends boolean = false> {
  request: NextRequest;
  runtime: TRuntime;
  user: A extends "public" ? TSessionUser | null : TSessionUser;
  body: TBody;
  query: TQuery;
  /** Validated by the `params` schema; a route without one sees none. */
  params: TParams;
  /** With `conversation: true`, the address's conversation, which the user may see; else none. */
  conversation: C extends true ? TConversationRef : undefined;
  /**
   * Effects of what the handler changed (domain functions return them), told to the browsers
   * by lib/realtime once the handler has returned, in the order given, before the answer.
   */
  announce: (...effects: (TEffect | null | undefined)[]) => void;
}

type THandler<TBody, TQuery, TParams, TResult, A extends TAccess, C extends boolean> = (
  ctx: TRouteContext<TBody, TQuery, TParams, A, C>,
) => Promise<TResult | Response>;

export function route<
  A extends TAccess,
  TBody extends z.ZodType = z.ZodUndefined,
  TQuery extends z.ZodType = z.ZodUndefined,
  TParams extends z.ZodType = z.ZodUndefined,
  TResponse extends z.ZodType = z.ZodUnknown,
  C extends boolean = false,
>(
  options: TRouteOptions<TBody, TQuery, TParams, TResponse, A, C>,
  handler: THandler<z.infer<TBody>, z.infer<TQuery>, z.infer<TParams>, z.input<TResponse>, A, C>,
) {
  const wrapped = async (request: NextRequest, context: { params?: Promise<Record<string, string>> }) => {
    try {
      const runtime = getRuntime();
      if (!runtime) throw new AppError("UNAVAILABLE", "The server is starting or shutting down; try again.");
      const user = await getSessionUser(runtime.auth, request.headers);
      if (user) addLogContext({ userId: user.id });
      if (options.access !== "public" && !user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      if (options.access === "admin" && user?.role !== "admin") {
        throw new AppError("FORBIDDEN", "Only admins can do this.");
      }
      const { params, body, query } = await parseRequest(options, request, context);
      // After the request's own checks, as the handlers that looked it up themselves did: a bad
      // body is a 400 before any lookup.
      const conversation = options.conversation
        ? await conversationOf(runtime, user, params as { id: string } | undefined)
        : undefined;
      const effects: (TEffect | null | undefined)[] = [];
      const announceLater = (...more: (TEffect | null | undefined)[]) => void effects.push(...more);
      const ctx = { request, runtime, user, body, query, params, conversation, announce: announceLater };
      const result = await handler(ctx as TRouteContext<z.infer<TBody>, z.infer<TQuery>, z.infer<TParams>, A, C>);
      if (effects.length > 0) await announce(...effects);
      if (result instanceof Response) return result;
      return NextResponse.json(options.response ? answerIn(options.response, result) : result, {
        status: options.status ?? 200,
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
  declarations.set(wrapped, options);
  return wrapped;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status },
    );
  }
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error);
    return NextResponse.json(
      { error: { code: "UNAVAILABLE", message: "The database cannot be reached just now; try again in a moment." } },
      { status: 503, headers: { "retry-after": "2" } },
    );
  }
  // Unknown failures are logged here and answered without their message: it may hold
  // internals (SQL, paths, tokens) a browser must not see.
  log().error({ err: error }, "Unhandled error in route handler");
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

let lastUnavailableLog = 0;
function logUnavailable(error: unknown): void {
  // One line every few seconds: an outage must not write a stack trace per request.
  if (Date.now() - lastUnavailableLog < 5000) return;
  lastUnavailableLog = Date.now();
  log().error(`Database unavailable, answering 503: ${oneLine(error)}`);
}

/** The address's conversation when this user may see it; NOT_FOUND, as for a missing one, when not. */
async function conversationOf(
  runtime: TRuntime,
  user: TSessionUser | null,
  params: { id: string } | undefined,
): Promise<TConversationRef> {
  if (!user || !params) throw new Error("`conversation: true` needs a signed-in route with an [id] in its address.");
  const { accountId } = await assertConversationAccess(runtime.db.prisma, user, params.id);
  return { id: params.id, accountId };
}

/** The result as JSON carries it, checked against the route's answer schema and cut to it. */
export function answerIn<T extends z.ZodType>(schema: T, result: unknown): z.output<T> {
  const wire: unknown = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  const parsed = schema.safeParse(wire);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.message}`);
  throw new Error(`The answer does not fit the route's response schema: ${problems.join("; ")}`);
}

export async function readJson(request: NextRequest, maxBytes: number): Promise<unknown> {
  // An empty body on a route that takes one is an empty object: its schema says what is missing.
  if (request.headers.get("content-length") === "0") return {};
  return readJsonBody(request, maxBytes);
}

/**
 * The address's segments, the body and the query, each parsed by its schema when the route has
 * one: an address whose segments cannot name anything of ours names nothing (404, as an unknown
 * id); a bad body or query is a 400 that lists the problems. Shared with lib/http/api-route.ts.
 */
export async function parseRequest(
  options: { params?: z.ZodType; body?: z.ZodType; query?: z.ZodType; maxBodyBytes?: number },
  request: NextRequest,
  context: { params?: Promise<Record<string, string>> },
): Promise<{ params: unknown; body: unknown; query: unknown }> {
  const params = options.params
    ? parseWith(options.params, (await context.params) ?? {}, "address", (problems) => {
        return new AppError("NOT_FOUND", `Nothing at this address (${problems.join("; ")}).`);
      })
    : undefined;
  const body = options.body
    ? parseWith(options.body, await readJson(request, options.maxBodyBytes ?? API_JSON_MAX_BYTES), "body")
    : undefined;
  const query = options.query
    ? parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams), "query")
    : undefined;
  return { params, body, query };
}

/** Parses `input` or throws `refuse(problems)`: by default a 400 that lists them. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: string,
  refuse = (problems: string[]) =>
    new AppError("BAD_REQUEST", `Invalid ${where}: ${problems.join("; ")}`, { problems }),
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw refuse(result.error.issues.map((i) => `${i.path.join(".") || where}: ${i.message}`));
  return result.data;
}
