import type { TConnectionTest } from "../../accounts/schemas";
import { describeCmCode } from "../../cm/cm-codes";
import { createCmClient } from "../../cm/client";
import { AppError } from "../../errors";
import type { TAccountDeps } from "./account-store";
import { gatewayRefusal } from "./cm-gateway-policy";
import { gatewayFetch } from "./gateway-fetch";

/**
 * Asks CM whether it knows the stored token, without sending anything to anyone: a request
 * with an empty `msg` list. A known token passes authentication and is refused for the empty
 * list (203); an unknown one fails authentication (101).
 */
export async function testConnection(deps: TAccountDeps & { cmBaseUrl: string }, id: string): Promise<TConnectionTest> {
  const account = await deps.prisma.instagramAccount.findUnique({ where: { id } });
  if (!account) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  const policy = deps.cmGateway ?? { allowPrivate: false };
  if (account.cmBaseUrl !== null) {
    const refusal = await gatewayRefusal(account.cmBaseUrl, policy);
    if (refusal !== null) return { ok: false, code: null, message: refusal };
  }
  const client = createCmClient({
    baseUrl: account.cmBaseUrl ?? deps.cmBaseUrl,
    connectTimeoutMs: 5_000,
    responseTimeoutMs: 10_000,
    ...(account.cmBaseUrl !== null && !policy.allowPrivate ? { fetch: gatewayFetch(policy.resolve) } : {}),
  });
  const result = await client.send({
    productToken: deps.tokens.decrypt(account.productTokenEncrypted),
    request: { messages: { msg: [] } },
  });
  switch (result.kind) {
    case "accepted":
    case "partial":
      return { ok: true, code: 0, message: "Connected: CM.com accepted the product token." };
    case "rejected":
      if (result.code === 202 || result.code === 203) {
        return { ok: true, code: result.code, message: "Connected: CM.com accepted the product token." };
      }
      return { ok: false, code: result.code, message: describeCmCode(result.code) };
    case "transport":
      return {
        ok: false,
        code: null,
        message:
          result.reason === "timeout"
            ? "CM.com did not answer in time. Check the gateway URL, or try again later."
            : result.reason === "network"
              ? "CM.com could not be reached. Check the gateway URL and this server's network."
              : `CM.com answered something unexpected (${result.status ?? result.reason}).`,
      };
  }
}
