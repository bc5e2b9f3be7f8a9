import type { TRuntime } from "../../runtime";
import type { TAccountDeps } from "./account-store";

export function accountDeps(runtime: TRuntime): TAccountDeps & { cmBaseUrl: string } {
  return {
    prisma: runtime.db.prisma,
    tokens: runtime.tokens,
    appUrl: runtime.config.appUrl,
    cmBaseUrl: runtime.config.cmBaseUrl,
  };
}
