import { onlineUserIdsNow } from "../realtime/server/presence";
import type { TRuntime } from "../runtime";
import type { TUserPresenceDeps } from "../server/users/user-deps";

/** What the user verbs need, from this process's runtime: who is online comes from socket.io. */
export function userDeps(runtime: TRuntime): TUserPresenceDeps {
  return { prisma: runtime.db.prisma, auth: runtime.auth, onlineUserIds: onlineUserIdsNow };
}
