import type { TRuntime } from "../../runtime";
import type { TUserDeps } from "./user-deps";

export function userDeps(runtime: TRuntime): TUserDeps {
  return { prisma: runtime.db.prisma, auth: runtime.auth, io: runtime.io };
}
