import { ZApiTokenList, ZCreateApiToken, ZCreatedApiToken } from "@/lib/api-tokens/schemas";
import { route } from "@/lib/http/route";
import { createPersonalToken, listTokens } from "@/lib/server/api-tokens/api-tokens";

export const dynamic = "force-dynamic";

/** The signed-in person's own personal API tokens (Your account), newest first, revoked ones included. */
export const GET = route({ access: "signed-in", response: ZApiTokenList }, async ({ runtime, user }) => ({
  tokens: await listTokens(runtime.db.prisma, user.id),
}));

/** A personal token, held to what its owner may do: its secret is in this answer and nowhere else. */
export const POST = route(
  { access: "signed-in", body: ZCreateApiToken, response: ZCreatedApiToken, status: 201 },
  async ({ runtime, user, body }) => createPersonalToken(runtime.db.prisma, body, user),
);
