// Child processes of the benchmark: each in its own process group, so that stopping one stops
// everything it spawned (npm → sh → tsx → node). Every child is stopped on exit, on error and
// on Ctrl+C; registered cleanups (scratch databases, temp folders) run once as well.
import { spawn, type ChildProcess } from "node:child_process";

export interface TChild {
  label: string;
  process: ChildProcess;
  /** The last lines the child printed, to explain a failed start. */
  tail: () => string;
  exited: Promise<number | null>;
}

const running = new Set<TChild>();
const cleanups: (() => Promise<void>)[] = [];

export function startChild(
  label: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): TChild {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: "pipe" });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const handle: TChild = { label, process: child, tail: () => lines.join("\n"), exited };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

function signalGroup(child: TChild, signal: NodeJS.Signals): void {
  const pid = child.process.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the child's group, SIGKILL after `graceMs`. */
export async function stopChild(child: TChild, graceMs = 12_000): Promise<void> {
  if (!running.has(child)) return;
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
  // Anything the group leader left behind.
  signalGroup(child, "SIGKILL");
}

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

export async function cleanupAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child, 5_000)));
  while (cleanups.length) {
    const fn = cleanups.pop();
    await fn?.().catch((error: unknown) => console.error("cleanup:", error));
  }
}

let stopping = false;

/** True once Ctrl+C, SIGTERM or a crash started stopping everything. */
export const isStopping = () => stopping;

/** Ctrl+C, SIGTERM and a crash stop the children; a plain exit kills whatever is left. */
export function installExitHandlers(): void {
  const bail = (code: number) => {
    if (stopping) return;
    stopping = true;
    void cleanupAll().finally(() => process.exit(code));
  };
  process.on("SIGINT", () => {
    console.error("\nInterrupted: stopping the servers.");
    bail(130);
  });
  process.on("SIGTERM", () => bail(143));
  process.on("uncaughtException", (error) => {
    console.error("bench:", error);
    bail(1);
  });
  process.on("unhandledRejection", (error) => {
    console.error("bench:", error);
    bail(1);
  });
  process.on("exit", () => {
    for (const child of running) signalGroup(child, "SIGKILL");
  });
}

/** Polls `url` until it answers 200; fails early when the child exits. */
export async function waitHealthy(child: TChild, url: string, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`${child.label} exited during start:\n${child.tail()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${child.label} did not answer 200 on ${url} within ${timeoutMs / 1000} s:\n${child.tail()}`);
}

/** Undo steps of one target (stop its server, drop its database), run once: by stop or on exit. */
export class Teardown {
  private readonly steps: (() => Promise<void>)[] = [];

  constructor() {
    onCleanup(() => this.run());
  }

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    while (this.steps.length) {
      const step = this.steps.pop();
      await step?.().catch((error: unknown) => console.error("cleanup:", error));
    }
  }
}
