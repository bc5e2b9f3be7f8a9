import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";

// Starts extra app instances from a test (beyond Playwright's webServer), so a test can stop,
// restart or multiply them. They run the production build, as a user would.

export interface TServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

export interface TSpawnedServer extends TServerProcess {
  /** Resolves once it answers /api/health with 200; rejects at once if the process exits first. */
  ready: Promise<void>;
}

/**
 * Starts the production build on `port` without waiting, so several can start at the same
 * moment; `ready` says when it answers /api/health, or fails as soon as the process exits.
 */
export function spawnServer(
  port: number,
  env: Record<string, string>,
  { timeoutMs = 60_000, bootNice }: TSpawnOptions = {},
): TSpawnedServer {
  let output = "";
  const [command, args] = bootNice
    ? ["nice", ["-n", String(bootNice), process.execPath, "dist/server.mjs"]]
    : [process.execPath, ["dist/server.mjs"]];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), DEMO_MODE: "true", NODE_ENV: "production", ...env },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`)),
  );
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const health = fetch(`${url}/api/health`).then(
        (response) => (response.status === 200 ? "healthy" : "starting"),
        () => "starting",
      );
      const state = await Promise.race([health, exited]);
      if (state === "healthy") return;
      if (state !== "starting") throw new Error(`server on port ${port} ${state} before it was healthy:\n${output}`);
      if (Date.now() > deadline) throw new Error(`server on port ${port} did not become healthy:\n${output}`);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), exited]);
    }
  })();
  ready.catch(() => {}); // awaited by the caller; never an unhandled rejection meanwhile
  return {
    child,
    url,
    output: () => output,
    ready,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

export interface TSpawnOptions {
  /** How long it may take to answer /api/health. */
  timeoutMs?: number;
  /**
   * Start at this CPU niceness and return to normal once ready: on a test machine whose two
   * cores also run the other instance, the proxy, PostgreSQL, the simulator and a browser, a
   * booting instance (a couple of CPU-seconds of module loading) otherwise starves the one
   * serving alone, as it would not on a machine of its own.
   */
  bootNice?: number;
}

export async function startServer(
  port: number,
  env: Record<string, string>,
  options: TSpawnOptions = {},
): Promise<TServerProcess> {
  const server = spawnServer(port, env, options);
  await server.ready;
  if (options.bootNice && server.child.pid) unnice(server.child.pid);
  return server;
}

/** Back to niceness 0, every thread (Linux keeps a niceness per thread); needs root, else stays. */
function unnice(pid: number): void {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  spawnSync("renice", ["-n", "0", "-p", ...threads], { stdio: "ignore" });
}

/** Signs in the demo agent against `baseUrl` and posts a demo customer message there. */
export async function postDemoMessage(
  baseUrl: string,
  message: { igsid: string; name: string; username: string; text: string },
): Promise<Response> {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: "agent@demo.local", password: "demo-agent-password" }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${baseUrl}/api/demo/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: baseUrl },
    body: JSON.stringify(message),
  });
}
