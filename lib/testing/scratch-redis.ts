import { createClient } from "redis";

// The Redis the tests of the Redis adapter use (a stream of each test's own on it).

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function redisReachable(): Promise<boolean> {
  const client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.close();
    return true;
  } catch {
    return false;
  }
}

/** Deletes a test's stream. */
export async function dropRedisStream(stream: string): Promise<void> {
  const client = createClient({ url: TEST_REDIS_URL });
  client.on("error", () => {});
  await client.connect();
  await client.del(stream);
  await client.close();
}
