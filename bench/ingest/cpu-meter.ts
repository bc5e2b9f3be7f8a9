// CPU time a target spends on a phase: its process tree (npm → sh → node) and, on PostgreSQL,
// the backends connected to its own scratch database (found by the database name in their
// process title). Unlike throughput and latency, this hardly moves when other programs share
// the machine, so the ratio of two targets' CPU per webhook is the steadiest figure of what a
// feature costs. Processes are sampled every 250 ms, so a backend that ends between samples
// loses at most its last 250 ms. Linux only (/proc): elsewhere it reads null.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { descendants } from "./rss";

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

const ticksPerSecond = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim();
  return Number(out) > 0 ? Number(out) : 100;
})();

/** utime + stime of a process, in clock ticks (null when gone). */
function cpuTicks(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(rest[11]) + Number(rest[12]);
}

/** The PostgreSQL backends serving `database` (their title: "postgres: … <user> <database> <client> …"). */
function backendsOf(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || read(`/proc/${entry}/comm`)?.trim() !== "postgres") continue;
    const title = (read(`/proc/${entry}/cmdline`) ?? "").replace(/\0/g, " ");
    if (title.split(/\s+/).includes(database)) pids.push(Number(entry));
  }
  return pids;
}

export class CpuMeter {
  private first = new Map<number, number>();
  private last = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rootPid: number,
    private readonly database: string | null,
    private readonly everyMs = 250,
  ) {}

  private pids(): number[] {
    return [...descendants(this.rootPid), ...(this.database ? backendsOf(this.database) : [])];
  }

  private sample(initial: boolean): void {
    for (const pid of this.pids()) {
      const ticks = cpuTicks(pid);
      if (ticks === null) continue;
      // A process first seen after the start did all its work within the phase.
      if (!this.first.has(pid)) this.first.set(pid, initial ? ticks : 0);
      this.last.set(pid, ticks);
    }
  }

  start(): void {
    this.first.clear();
    this.last.clear();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), this.everyMs);
    this.timer.unref();
  }

  /** CPU ms since start() (null: nothing could be read, e.g. not on Linux). */
  stop(): number | null {
    this.sample(false);
    clearInterval(this.timer);
    if (this.last.size === 0) return null;
    let ticks = 0;
    for (const [pid, value] of this.last) ticks += value - (this.first.get(pid) ?? 0);
    return (1000 * ticks) / ticksPerSecond;
  }
}
