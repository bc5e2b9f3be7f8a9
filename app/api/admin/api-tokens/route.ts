import { ZApiTokenList, ZCreateApiToken, ZCreatedApiToken } from "@/lib/api-tokens/schemas";
import { route } from "@/lib/http/route";
import { createTeamToken, listTokens } from "@/lib/server/api-tokens/api-tokens";

export const dynamic = "force-dynamic";

/** Every API token (Admin → API tokens), newest first, revoked ones included. */
export const GET = route({ access: "admin", response: ZApiTokenList }, async ({ runtime }) => ({
  tokens: await listTokens(runtime.db.prisma),
}));

/** A team token: its secret is in this answer and nowhere else. */
export const POST = route(
  { access: "admin", body: ZCreateApiToken, response: ZCreatedApiToken, status: 201 },
  async ({ runtime, user, body }) => createTeamToken(runtime.db.prisma, body, user.id),
);
