import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisStreamsAdapter } from "@socket.io/redis-streams-adapter";
import type pg from "pg";
import { createClient } from "redis";

/** Created by a migration (20261205162000_socket_io_attachments), never at start. */
const ATTACHMENTS_TABLE = "socket_io_attachments";

export interface TClusterOptions {
  /** The events pool (lib/db/client.ts) on PostgreSQL; undefined on the embedded PGlite. */
  pool: pg.Pool | undefined;
  /** REDIS_URL: events cross instances through Redis instead of PostgreSQL. */
  redisUrl?: string | undefined;
  /** REDIS_STREAM: the stream (and pub/sub prefix) this deployment's instances share. */
  redisStream?: string | undefined;
}

export interface TCluster {
  /** The value for io.adapter(); undefined: the in-memory adapter (one instance). */
  adapter: ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisStreamsAdapter> | undefined;
  /** Ends the cluster's own connections (Redis); the PostgreSQL pool is the database's. */
  close: () => Promise<void>;
  kind: "redis" | "postgres" | "memory";
}

/**
 * How socket.io's events reach the other instances. With REDIS_URL, through a Redis stream
 * (@socket.io/redis-streams-adapter): no NOTIFY, so no commit of PostgreSQL's waits behind the
 * events' (NOTIFY takes a cluster-wide lock at commit), and a Redis that restarts loses nothing
 * the stream still holds. Otherwise through PostgreSQL's LISTEN/NOTIFY, as before; on PGlite,
 * one process, nothing crosses.
 */
export async function createCluster({ pool, redisUrl, redisStream = "ig-inbox" }: TClusterOptions): Promise<TCluster> {
  if (redisUrl) {
    const client = createClient({ url: redisUrl });
    // The client reconnects by itself; without a listener an "error" would crash the process.
    client.on("error", () => {});
    await client.connect();
    return {
      kind: "redis",
      adapter: createRedisStreamsAdapter(client, { streamName: redisStream, channelPrefix: redisStream }),
      close: async () => {
        if (client.isOpen) await client.close();
      },
    };
  }
  if (pool) {
    return {
      kind: "postgres",
      adapter: createPostgresAdapter(pool, { tableName: ATTACHMENTS_TABLE }),
      close: async () => {},
    };
  }
  return { kind: "memory", adapter: undefined, close: async () => {} };
}
