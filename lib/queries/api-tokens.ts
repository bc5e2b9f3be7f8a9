import { queryOptions } from "@tanstack/react-query";
import {
  ZApiTokenAnswer,
  ZApiTokenList,
  ZCreatedApiToken,
  type TApiToken,
  type TCreateApiToken,
} from "../api-tokens/schemas";
import { fetchJson, sendJson } from "../http/fetch-json";

/** Whose tokens: the team's (Admin → API tokens, every token) or the signed-in person's own. */
export type TTokenOwner = "team" | "personal";

const BASE: Record<TTokenOwner, string> = { team: "/api/admin/api-tokens", personal: "/api/me/api-tokens" };

export const apiTokenKeys = {
  all: ["api-tokens"] as const,
  list: (owner: TTokenOwner = "team") => [...apiTokenKeys.all, owner, "list"] as const,
};

/** The tokens (newest first) of the team (every token, an admin's view) or of the person. */
export const apiTokensQuery = (owner: TTokenOwner = "team") =>
  queryOptions({
    queryKey: apiTokenKeys.list(owner),
    queryFn: async () => (await fetchJson(BASE[owner], ZApiTokenList)).tokens,
  });

/** A new token (a team token, or a personal one) and its secret, which no later answer carries. */
export async function createApiToken(
  input: TCreateApiToken,
  owner: TTokenOwner = "team",
): Promise<{ apiToken: TApiToken; token: string }> {
  return sendJson("POST", BASE[owner], ZCreatedApiToken, input);
}

export async function revokeApiToken(id: string, owner: TTokenOwner = "team"): Promise<TApiToken> {
  return (await sendJson("DELETE", `${BASE[owner]}/${encodeURIComponent(id)}`, ZApiTokenAnswer)).apiToken;
}

/** The list with this token put in (a new one on top) or replaced (revoked). */
export function upsertApiToken(tokens: TApiToken[] | undefined, token: TApiToken): TApiToken[] | undefined {
  if (!tokens) return tokens;
  return tokens.some((t) => t.id === token.id)
    ? tokens.map((t) => (t.id === token.id ? token : t))
    : [token, ...tokens];
}
