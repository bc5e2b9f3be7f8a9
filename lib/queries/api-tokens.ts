import { queryOptions } from "@tanstack/react-query";
import {
  ZApiTokenAnswer,
  ZApiTokenList,
  ZCreatedApiToken,
  type TApiToken,
  type TCreateApiToken,
} from "../api-tokens/schemas";
import { fetchJson, sendJson } from "../http/fetch-json";

export const apiTokenKeys = {
  all: ["api-tokens"] as const,
  list: () => [...apiTokenKeys.all, "list"] as const,
};

/** Every API token (Admin → API tokens), newest first. */
export const apiTokensQuery = queryOptions({
  queryKey: apiTokenKeys.list(),
  queryFn: async () => (await fetchJson("/api/admin/api-tokens", ZApiTokenList)).tokens,
});

/** A new team token and its secret, which no later answer carries. */
export async function createApiToken(input: TCreateApiToken): Promise<{ apiToken: TApiToken; token: string }> {
  return sendJson("POST", "/api/admin/api-tokens", ZCreatedApiToken, input);
}

export async function revokeApiToken(id: string): Promise<TApiToken> {
  return (await sendJson("DELETE", `/api/admin/api-tokens/${encodeURIComponent(id)}`, ZApiTokenAnswer)).apiToken;
}

/** The list with this token put in (a new one on top) or replaced (revoked). */
export function upsertApiToken(tokens: TApiToken[] | undefined, token: TApiToken): TApiToken[] | undefined {
  if (!tokens) return tokens;
  return tokens.some((t) => t.id === token.id)
    ? tokens.map((t) => (t.id === token.id ? token : t))
    : [token, ...tokens];
}
