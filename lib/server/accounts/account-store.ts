import type { TSecretBox } from "../../crypto/secret-box";
import type { PrismaClient } from "../../db/generated/client";
import type { TGatewayPolicy } from "./cm-gateway-policy";

/** What account domain functions need: the database and the token box. */
export interface TAccountDeps {
  prisma: PrismaClient;
  tokens: TSecretBox;
  appUrl: string;
  /** Whether a per-account gateway URL may be private (ALLOW_PRIVATE_CM_GATEWAY); refused if absent. */
  cmGateway?: TGatewayPolicy;
}

/** The columns a product token is stored in: encrypted, plus the hint shown masked. */
export function tokenColumns(tokens: TSecretBox, productToken: string) {
  return { productTokenEncrypted: tokens.encrypt(productToken), productTokenLast4: productToken.slice(-4) };
}
