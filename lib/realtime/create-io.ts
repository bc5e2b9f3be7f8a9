import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import type pg from "pg";
import { Server } from "socket.io";
import type { TIo } from "../runtime";
import { ROOMS } from "./events";

const ATTACHMENTS_TABLE = "socket_io_attachments";

/**
 * socket.io on the app's own HTTP server. On PostgreSQL, events cross instances through
 * the PostgreSQL adapter (LISTEN/NOTIFY), so several app instances behind a load balancer
 * reach every agent. The embedded PGlite is single-process, so one instance and the
 * in-memory adapter suffice there.
 */
export async function createIo(server: HttpServer, pool: pg.Pool | undefined): Promise<TIo> {
  const io: TIo = new Server(server, { serveClient: false, transports: ["websocket", "polling"] });
  if (pool) {
    // The adapter keeps payloads larger than NOTIFY allows in this table. It is not part
    // of the Prisma schema: it belongs to the adapter, which expects exactly this shape.
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${ATTACHMENTS_TABLE} (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`,
    );
    io.adapter(createAdapter(pool, { tableName: ATTACHMENTS_TABLE }));
  }
  io.on("connection", (socket) => {
    // Until sign-in exists (issue 4) every connection is an agent of the one inbox.
    void socket.join(ROOMS.inbox);
  });
  return io;
}
