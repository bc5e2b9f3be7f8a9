import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on loopback in front of PostgreSQL, so a test can take the database away from
 * the app and give it back: `down()` cuts every open connection and refuses new ones (what
 * the app sees when PostgreSQL stops), `up()` accepts again (PostgreSQL started).
 */
export async function startTcpProxy(port: number, target: { host: string; port: number }) {
  const open = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          open.add(socket);
          socket.on("close", () => open.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const down = async () => {
    const closing = server;
    server = undefined;
    // Stop accepting first, then cut what is open: close() waits for open connections to end.
    const closed = new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
    for (const socket of open) socket.destroy();
    await closed;
  };
  await listen();
  return { down, up: listen, close: down };
}
