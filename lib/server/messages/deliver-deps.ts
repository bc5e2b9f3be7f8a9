import type { TRuntime } from "../../runtime";
import type { TDeliverDeps } from "./deliver-message";

export function deliverDeps(runtime: TRuntime): TDeliverDeps {
  return { prisma: runtime.db.prisma, tokens: runtime.tokens, cmBaseUrl: runtime.config.cmBaseUrl };
}
