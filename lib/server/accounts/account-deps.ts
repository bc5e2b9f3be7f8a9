import type { TRuntime } from "../../runtime";
import type { TAccountDeps } from "./account-store";

export function accountDeps(runtime: TRuntime): TAccountDeps & { cmBaseUrl: string } {
  return {
    prisma: runtime.db.prisma,
    tokens: runtime.tokens,
    // Webhook URLs are where CM posts: the public address.
    appUrl: runtime.config.publicUrl,
    cmBaseUrl: runtime.config.cmBaseUrl,
    cmGateway: { allowPrivate: runtime.config.allowPrivateCmGateway ?? false },
  };
}
