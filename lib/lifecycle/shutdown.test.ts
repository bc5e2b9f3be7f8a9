import { createServer, request, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { EVENTS } from "../realtime/events";
import type { TRuntime } from "../runtime";
import { checkReadiness } from "../server/health/check-readiness";
import { createShutdown, type TShutdownDeps } from "./shutdown";

// The order of a graceful stop, on a real HTTP server: unready and refusing webhooks first,
// still serving while the proxy takes it out, the port closed, browsers told, the workers
// stopped while socket.io still announces, requests in flight finished, the database closed
// last; and the timeout that bounds it all.

const PORT = 3245;

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: PORT, path, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

function harness(overrides: Partial<TShutdownDeps> = {}) {
  const steps: string[] = [];
  const slow = deferred();
  const slowArrived = deferred();
  const server: Server = createServer((req, res) => {
    if (req.url !== "/slow") return res.end("ok");
    slowArrived.resolve();
    void slow.promise.then(() => {
      steps.push("slow request answered");
      res.end("ok");
    });
  });
  const realtime = {
    askBrowsersToMove: () => void steps.push(`emit ${EVENTS.serverStopping}`),
    close: async () => void steps.push("io.close"),
  };
  const workers: NonNullable<TRuntime["workers"]> = {
    intake: { wake() {}, stop: async () => void steps.push("intake.stop") },
    outbox: { wake() {}, stop: async () => void steps.push("outbox.stop") },
  };
  const runtime = { workers } as TRuntime;
  const drain = deferred();
  const exited = deferred<number>();
  const stop = createShutdown({
    runtime,
    migrations: [],
    server,
    realtime,
    workers,
    stopSweeps: () => steps.push("sweeps stopped"),
    closeNext: async () => void steps.push("next.close"),
    closeDatabase: async () => void steps.push("database closed"),
    drainMs: 3000,
    timeoutMs: 30_000,
    log: () => {},
    exit: (code) => {
      steps.push(`exit ${code}`);
      exited.resolve(code);
    },
    // The drain waits for the test; the browsers' reconnect spread passes at once.
    wait: (ms) => (ms === 3000 ? drain.promise : Promise.resolve()),
    ...overrides,
  });
  return { steps, server, runtime, stop, slow, slowArrived, drain, exited };
}

let open: Server | undefined;
afterEach(() => {
  open?.closeAllConnections();
  open?.close();
  open = undefined;
});

describe("graceful shutdown", () => {
  it("turns unready, drains, closes the port, finishes requests in flight, and closes the database last", async () => {
    const h = harness();
    open = h.server;
    await new Promise<void>((resolve) => h.server.listen(PORT, "127.0.0.1", resolve));
    expect(h.runtime.lifecycle).toEqual({ stopping: false, migrations: [] });

    const inFlight = get("/slow");
    await h.slowArrived.promise;
    const stopped = h.stop("SIGTERM");
    // At once: unready and no new webhooks, before anything closes.
    expect(h.runtime.lifecycle?.stopping).toBe(true);
    expect((await checkReadiness(h.runtime)).failed?.check).toBe("stopping");
    expect(h.steps).toEqual(["sweeps stopped", "outbox.stop"]);
    // While draining, the port still serves (the proxy has not taken us out yet).
    expect(await get("/")).toBe(200);

    h.drain.resolve();
    await expect.poll(() => h.steps).toContain(`emit ${EVENTS.serverStopping}`);
    await expect(get("/")).rejects.toThrow(/ECONNREFUSED/);
    // The workers stopped before socket.io closed (what they applied was announced); the
    // request in flight is still being answered, so the database is still open.
    await expect.poll(() => h.steps).toContain("io.close");
    expect(h.steps.indexOf("intake.stop")).toBeLessThan(h.steps.indexOf("io.close"));
    expect(h.steps).not.toContain("database closed");

    h.slow.resolve();
    expect(await inFlight).toBe(200);
    expect(await h.exited.promise).toBe(0);
    await stopped;
    expect(h.steps).toEqual([
      "sweeps stopped",
      "outbox.stop",
      `emit ${EVENTS.serverStopping}`,
      "intake.stop",
      "io.close",
      "slow request answered",
      "next.close",
      "database closed",
      "exit 0",
    ]);
    // The readiness check finds no workers any more.
    expect(h.runtime.workers).toEqual({});
  });

  it("a second signal while stopping does nothing", async () => {
    const h = harness({ wait: () => Promise.resolve() });
    open = h.server;
    await new Promise<void>((resolve) => h.server.listen(PORT, "127.0.0.1", resolve));
    await Promise.all([h.stop("SIGTERM"), h.stop("SIGINT")]);
    expect(h.steps.filter((s) => s.startsWith("exit"))).toEqual(["exit 0"]);
  });

  it("exits with code 1 when the stop outlasts SHUTDOWN_TIMEOUT_MS", async () => {
    const never = new Promise<void>(() => {});
    const h = harness({ wait: () => Promise.resolve(), timeoutMs: 1000 });
    open = h.server;
    h.runtime.workers!.intake = { wake() {}, stop: () => never };
    await new Promise<void>((resolve) => h.server.listen(PORT, "127.0.0.1", resolve));
    void h.stop("SIGTERM");
    expect(await h.exited.promise).toBe(1);
    expect(h.steps).not.toContain("database closed");
  });
});
