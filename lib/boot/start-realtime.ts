import type { Server } from "node:http";
import type { TAuth } from "../auth/create-auth";
import { getSignedInSession } from "../auth/session";
import type { TDatabase } from "../db/client";
import type { TEnv } from "../env";
import { createIo } from "../realtime/server/create-io";
import { startDatabaseWatch } from "../realtime/server/database-watch";
import { startSessionSweep } from "../realtime/server/session-sweep";
import type { TIo } from "../runtime";
import { accessibleAccountIds } from "../server/access/account-access";
import { conversationAccountFor } from "../server/access/assert-conversation-access";
import { log } from "../log/logger";
import { deleteExpiredIdempotencyKeys } from "../server/api-tokens/idempotency";
import { deleteUnusedUploads } from "../server/uploads/delete-unused-uploads";
import { sweepHookHistory } from "../server/hooks/sweep-hook-history";
import { startPeriodicSweep } from "./periodic-sweep";

/**
 * socket.io on the HTTP server (sign-in checked at the handshake, rooms per account and
 * conversation), and the periodic sweeps: sessions that ended, changes made by other
 * instances, expired uploads, the public API's idempotency keys older than 24 hours.
 * `stopSweeps` stops the sweeps at once (a graceful stop).
 */
export async function startRealtime(
  server: Server,
  { db, auth, config, origins }: { db: TDatabase; auth: TAuth; config: TEnv; origins: string[] },
): Promise<{ io: TIo; stopSweeps: () => void }> {
  const io = await createIo(server, db.eventsPool, {
    origins,
    authenticate: (headers) => getSignedInSession(auth, headers),
    accessibleAccounts: (user) => accessibleAccountIds(db.prisma, user),
    mayViewConversation: async (user, id) => (await conversationAccountFor(db.prisma, user, id)) !== null,
    redis: config.REDIS_URL ? { url: config.REDIS_URL, stream: config.REDIS_STREAM } : undefined,
  });
  const stopSweep = startSessionSweep(io, db.prisma);
  const stopDatabaseWatch = startDatabaseWatch(io, db.prisma);
  const graceDays = config.UPLOAD_RETENTION_DAYS;
  const stopUploadSweep = startPeriodicSweep("Upload sweep", async () => {
    const count = await deleteUnusedUploads(db.prisma, { now: new Date(), graceDays });
    if (count > 0) log().info({ count, graceDays }, "Deleted uploaded images nothing uses");
  });
  const stopIdempotencySweep = startPeriodicSweep("Idempotency-key sweep", () =>
    deleteExpiredIdempotencyKeys(db.prisma),
  );
  const stopHookSweep = startPeriodicSweep("Webhook history sweep", async () => {
    const count = await sweepHookHistory(db.prisma);
    if (count > 0) log().info({ count }, "Deleted settled webhook events");
  });
  return {
    io,
    stopSweeps: () =>
      [stopSweep, stopDatabaseWatch, stopUploadSweep, stopIdempotencySweep, stopHookSweep].forEach((stopOne) =>
        stopOne(),
      ),
  };
}
