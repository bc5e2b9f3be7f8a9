import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { API_RATE_LIMIT_DEFAULT, type TApiScope } from "../api-tokens/schemas";
import { AppError } from "../errors";
import type { TEffect } from "../effects/effects";
import { addLogContext } from "../log/logger";
import { announce } from "../realtime/server/announce";
import { getRuntime, type TRuntime } from "../runtime";
import { authenticateToken, type TApiPrincipal, type TRateLimit } from "../server/api-tokens/authenticate-token";
import type { Prisma } from "../db/generated/client";
import {
  idempotencyOf,
  isKeyTaken,
  recordAnswer,
  storedAnswer,
  type TStoredAnswer,
} from "../server/api-tokens/idempotency";
import { answerIn, declareRoute, errorResponse, parseRequest } from "./route";

// The wrapper of every /api/v1 route (issue 21), the public API: as lib/http/route.ts does for
// the browser's routes (parsing, validation, the answer's schema, telling the browsers what
// changed, errors as { error: { code, message, details } }), but the caller is an API token,
// never a session: a cookie is not read here, so no page can make a browser act through this
// API (the CSRF rule exempts /api/v1 for that reason: lib/http/csrf.ts). Each answer carries the
// token's rate limit (RateLimit-Limit, -Remaining, -Reset); past it, 429 with Retry-After.

interface TApiRouteOptions<
  TBody extends z.ZodType,
  TQuery extends z.ZodType,
  TParams extends z.ZodType,
  TResponse extends z.ZodType,
> {
  /** What the token must be allowed to do. */
  scope: TApiScope;
  response: TResponse;
  params?: TParams;
  body?: TBody;
  query?: TQuery;
  maxBodyBytes?: number;
  status?: number;
  /**
   * A POST that creates: an Idempotency-Key header makes a retry answer the first answer again
   * (lib/server/api-tokens/idempotency.ts). The handler must call `ctx.remember` inside the
   * transaction of its work, with its answer.
   */
  idempotent?: boolean;
}

export interface TApiRouteContext<TBody, TQuery, TParams, TAnswer = unknown> {
  request: NextRequest;
  runtime: TRuntime;
  principal: TApiPrincipal;
  body: TBody;
  query: TQuery;
  params: TParams;
  announce: (...effects: (TEffect | null | undefined)[]) => void;
  /**
   * Records the answer under the request's Idempotency-Key, in the work's own transaction;
   * does nothing when the request sent none (or the route is not idempotent).
   */
  remember: (tx: Prisma.TransactionClient, answer: TAnswer) => Promise<void>;
}

export function apiRoute<
  TResponse extends z.ZodType,
  TBody extends z.ZodType = z.ZodUndefined,
  TQuery extends z.ZodType = z.ZodUndefined,
  TParams extends z.ZodType = z.ZodUndefined,
>(
  options: TApiRouteOptions<TBody, TQuery, TParams, TResponse>,
  handler: (
    ctx: TApiRouteContext<z.infer<TBody>, z.infer<TQuery>, z.infer<TParams>, z.input<TResponse>>,
  ) => Promise<z.input<TResponse> | Response>,
) {
  const wrapped = async (request: NextRequest, context: { params?: Promise<Record<string, string>> }) => {
    let rate: TRateLimit | undefined;
    try {
      const runtime = getRuntime();
      if (!runtime) throw new AppError("UNAVAILABLE", "The server is starting or shutting down; try again.");
      const authenticated = await authenticate(request, runtime);
      rate = authenticated.rate;
      const principal = allowed(authenticated, options.scope);
      const { params, body, query } = await parseRequest(options, request, context);
      const status = options.status ?? 200;
      const idempotency = options.idempotent
        ? idempotencyOf(request.headers.get("idempotency-key"), {
            tokenId: principal.tokenId,
            method: request.method,
            path: request.nextUrl.pathname,
            body,
          })
        : undefined;
      const replay = idempotency ? await storedAnswer(runtime.db.prisma, idempotency) : null;
      if (replay) return withRateLimit(replayed(replay), rate);
      const effects: (TEffect | null | undefined)[] = [];
      let result: z.input<TResponse> | Response;
      try {
        result = await handler({
          request,
          runtime,
          principal,
          body: body as z.infer<TBody>,
          query: query as z.infer<TQuery>,
          params: params as z.infer<TParams>,
          announce: (...more) => void effects.push(...more),
          remember: async (tx, answer) => {
            if (idempotency) await recordAnswer(tx, idempotency, { status, body: answerIn(options.response, answer) });
          },
        });
      } catch (error) {
        // Another request with this key committed first: its answer is this one's too.
        const first = idempotency && isKeyTaken(error) ? await storedAnswer(runtime.db.prisma, idempotency) : null;
        if (first) return withRateLimit(replayed(first), rate);
        throw error;
      }
      if (effects.length > 0) await announce(...effects);
      const response =
        result instanceof Response ? result : NextResponse.json(answerIn(options.response, result), { status });
      return withRateLimit(response, rate);
    } catch (error) {
      return withRateLimit(errorResponse(error), rate);
    }
  };
  declareRoute(wrapped, { access: "token", response: options.response, params: options.params });
  return wrapped;
}

/** The request's token, checked and counted (401 unknown or revoked); the rate is known even when exceeded. */
async function authenticate(
  request: NextRequest,
  runtime: TRuntime,
): Promise<{ principal: TApiPrincipal; rate: TRateLimit }> {
  const authenticated = await authenticateToken(runtime.db.prisma, bearerToken(request), {
    limit: runtime.config.apiRateLimit ?? API_RATE_LIMIT_DEFAULT,
  });
  addLogContext({ apiTokenId: authenticated.principal.tokenId });
  return authenticated;
}

/** The principal, when within its rate limit (429) and holding the route's scope (403). */
function allowed({ principal, rate }: { principal: TApiPrincipal; rate: TRateLimit }, scope: TApiScope): TApiPrincipal {
  if (rate.exceeded) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `This token made more than ${rate.limit} requests this minute; try again in ${rate.resetSeconds} s.`,
    );
  }
  if (!principal.scopes.includes(scope)) {
    throw new AppError("FORBIDDEN", `This token lacks the scope ${scope}.`, {
      required: scope,
      granted: principal.scopes,
    });
  }
  return principal;
}

/** A stored answer, again, marked as such. */
function replayed(answer: TStoredAnswer): Response {
  return NextResponse.json(answer.body, { status: answer.status, headers: { "Idempotent-Replayed": "true" } });
}

/** The token of `Authorization: Bearer <token>`; 401 with what to send when there is none. */
function bearerToken(request: NextRequest): string {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError(
      "UNAUTHORIZED",
      "Send an API token: Authorization: Bearer <token> (an admin creates tokens in Admin → API tokens).",
    );
  }
  return match[1];
}

function withRateLimit(response: Response, rate: TRateLimit | undefined): Response {
  if (!rate) return response;
  response.headers.set("RateLimit-Limit", String(rate.limit));
  response.headers.set("RateLimit-Remaining", String(rate.remaining));
  response.headers.set("RateLimit-Reset", String(rate.resetSeconds));
  if (rate.exceeded) response.headers.set("Retry-After", String(rate.resetSeconds));
  return response;
}
