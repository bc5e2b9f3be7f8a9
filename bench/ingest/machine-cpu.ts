// How busy the machine was while a target was measured, and how much of that was neither this
// benchmark (its own process and everything it started: the server, the receivers) nor
// PostgreSQL: on a shared machine, another program's work shows up as a slower target, so
// figures of two targets compare only when "others" was small for both. Linux only (/proc).
import { readdirSync, readFileSync } from "node:fs";
import { descendants } from "./rss";

interface TSample {
  /** All CPUs' jiffies since boot: busy, and busy + idle. */
  busy: number;
  total: number;
  /** user + system jiffies of each process counted as ours. */
  ours: Map<number, number>;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function cpuTimes(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(rest[11]) + Number(rest[12]);
}

function ourPids(): number[] {
  const postgres = readdirSync("/proc").filter(
    (entry) => /^\d+$/.test(entry) && read(`/proc/${entry}/comm`)?.trim() === "postgres",
  );
  return [...new Set([...descendants(process.pid), ...postgres.map(Number)])];
}

function sample(): TSample | null {
  const line = read("/proc/stat")?.split("\n")[0];
  if (!line?.startsWith("cpu ")) return null;
  // user nice system idle iowait irq softirq steal …
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  const ours = new Map<number, number>();
  for (const pid of ourPids()) {
    const times = cpuTimes(pid);
    if (times !== null) ours.set(pid, times);
  }
  return { busy, total: busy + (idle ?? 0) + (iowait ?? 0), ours };
}

export interface TMachineCpu {
  /** Share of all the machine's CPU time that was busy, in %. */
  busy: number;
  /** Of all the machine's CPU time, the share used by other processes than ours and PostgreSQL, in %. */
  others: number;
}

/** Starts watching; the returned function gives the shares since (null where /proc is missing). */
export function watchMachineCpu(): () => TMachineCpu | null {
  const before = sample();
  return () => {
    const after = sample();
    if (!before || !after || after.total <= before.total) return null;
    let ours = 0;
    for (const [pid, times] of after.ours) ours += times - (before.ours.get(pid) ?? 0);
    const total = after.total - before.total;
    const busy = after.busy - before.busy;
    return { busy: (100 * busy) / total, others: (100 * Math.max(0, busy - ours)) / total };
  };
}
