import type { PrismaClient } from "../../db/generated/client";
import type { TIo } from "../../runtime";
import { EVENTS, type TServerStatus } from "../events";
import { log as logger } from "../../log/logger";

const PING_TIMEOUT_MS = 2000;

/**
 * Tells this instance's browsers when its database stops or starts answering, so the inbox
 * can say "reconnecting" instead of failing silently, and catch up when it is back. Emitted
 * to local sockets only: while the database is away, socket.io's PostgreSQL adapter cannot
 * carry anything between instances anyway, and each instance watches for itself.
 */
export function startDatabaseWatch(
  io: TIo,
  prisma: PrismaClient,
  {
    intervalMs = 2000,
    log = (line: string) => logger().warn(line),
  }: { intervalMs?: number; log?: (line: string) => void } = {},
): () => void {
  let status: TServerStatus = { database: "ok" };
  let stopped = false;
  const ping = async () => {
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const next: TServerStatus = { database: ok ? "ok" : "unavailable" };
    if (!stopped && next.database !== status.database) {
      status = next;
      log(ok ? "The database answers again." : "The database does not answer: retrying every few seconds.");
      io.local.emit(EVENTS.serverStatus, status);
    }
  };
  const timer = setInterval(() => void ping(), intervalMs);
  const onConnection = (socket: { emit: (event: typeof EVENTS.serverStatus, payload: TServerStatus) => void }) => {
    if (status.database !== "ok") socket.emit(EVENTS.serverStatus, status);
  };
  io.on("connection", onConnection);
  return () => {
    stopped = true;
    clearInterval(timer);
    io.off("connection", onConnection);
  };
}
