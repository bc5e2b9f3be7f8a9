import { AppError } from "../../errors";
import { resolvesToPrivate, type TResolve } from "../media/public-only-lookup";

// A per-account CM gateway URL, set by an admin, receives the account's decrypted product token
// with every send. Pointed at a private or local address it would hand the token to whatever
// listens there (or let the admin page probe the internal network), so such a URL is taken only
// when the operator says so in the environment. CM_API_BASE_URL, also set by the operator, is
// trusted as it is.

export const PRIVATE_GATEWAY_SETTING = "ALLOW_PRIVATE_CM_GATEWAY";

export interface TGatewayPolicy {
  /** ALLOW_PRIVATE_CM_GATEWAY: a simulator or test double on this machine or network. */
  allowPrivate: boolean;
  /** Name resolution; the system's unless a test says otherwise. */
  resolve?: TResolve | undefined;
}

/** Why this per-account gateway may not receive the product token now, or null when it may. */
export async function gatewayRefusal(url: string, policy: TGatewayPolicy): Promise<string | null> {
  if (policy.allowPrivate) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "The CM gateway URL is not a valid URL.";
  }
  if (!(await resolvesToPrivate(parsed, policy.resolve))) return null;
  return (
    `The CM gateway URL points at a private or local address (${parsed.hostname}). The product token ` +
    `goes only to a public gateway unless the server is started with ${PRIVATE_GATEWAY_SETTING}=true.`
  );
}

/** At save time: a 400 naming the setting, before anything is stored. */
export async function assertGatewayAllowed(url: string | null | undefined, policy: TGatewayPolicy): Promise<void> {
  if (!url) return;
  const refusal = await gatewayRefusal(url, policy);
  if (refusal !== null) throw new AppError("BAD_REQUEST", refusal, { problems: [`cmBaseUrl: ${refusal}`] });
}
