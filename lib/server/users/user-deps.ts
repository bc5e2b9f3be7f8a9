import type { TAuth } from "../../auth/create-auth";
import type { PrismaClient } from "../../db/generated/client";

export interface TUserDeps {
  prisma: PrismaClient;
  auth: TAuth;
}

/** The verbs that show who is online also ask it (socket.io knows; lib/http/user-deps.ts). */
export interface TUserPresenceDeps extends TUserDeps {
  /** Ids of the users with a live connection now, on any instance. */
  onlineUserIds: () => Promise<ReadonlySet<string>>;
}
