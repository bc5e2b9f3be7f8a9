import { NextRequest } from "next/server";
import type { TApiScope } from "../api-tokens/schemas";
import type { TDatabase } from "../db/client";
import { setRuntime, type TRuntime } from "../runtime";
import { createTeamToken } from "../server/api-tokens/api-tokens";
import { seedOutboxAccount } from "./outbox-fixture";
import { TEST_APP_URL, createTestRuntime } from "./test-runtime";

/**
 * For the public API's tests (app/api/v1): the runtime its routes read (a generous rate limit),
 * a shop with a conversation the tests' tokens reach, and another account's conversation they
 * must not. The caller clears the runtime after (setRuntime(undefined)).
 */
export async function seedApiShops(db: TDatabase): Promise<{
  runtime: TRuntime;
  shop: Awaited<ReturnType<typeof seedOutboxAccount>>;
  conversation: string;
  foreign: string;
  /** A team token named `name`, created by the shop's agent: its secret. */
  token: (name: string, scopes: TApiScope[], accounts: "all" | "shop") => Promise<string>;
}> {
  const runtime = createTestRuntime(db, { apiRateLimit: 1000 });
  setRuntime(runtime);
  const shop = await seedOutboxAccount(db.prisma, "http://127.0.0.1:1");
  const other = await seedOutboxAccount(db.prisma, "http://127.0.0.1:1");
  const conversation = (await shop.startConversation()).conversationId;
  const foreign = (await other.startConversation()).conversationId;
  const token = async (name: string, scopes: TApiScope[], accounts: "all" | "shop") =>
    (
      await createTeamToken(
        db.prisma,
        { name, scopes, accounts: accounts === "all" ? "all" : [shop.account.id] },
        shop.author.id,
      )
    ).token;
  return { runtime, shop, conversation, foreign, token };
}

export type TApiHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** One request to a route handler of /api/v1 as an integrator sends it: the token as Bearer, JSON, no cookie. */
export function callApi(
  handler: TApiHandler,
  {
    token,
    path,
    method = "GET",
    params = {},
    body,
    headers = {},
  }: {
    token: string;
    /** After /api/v1, with the query string. */
    path: string;
    method?: "GET" | "POST" | "PATCH" | "DELETE";
    params?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  return handler(
    new NextRequest(`${TEST_APP_URL}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
}
