// Resident memory of a server started as a child. `npm start` runs npm → sh → tsx → node, so
// the server is found as the descendant of the child that owns the listening socket on its
// port (read from /proc/net/tcp*, then /proc/<pid>/fd); if that fails, the deepest `node`
// descendant. Linux only: elsewhere RSS reads as "-".
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** pid → parent pid, for every process we can see. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; split after the last ")".
    const rest = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (rest?.[1]) map.set(Number(entry), Number(rest[1]));
  }
  return map;
}

export function descendants(root: number): number[] {
  const map = parents();
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    found.push(pid);
    for (const [child, parent] of map) if (parent === pid) queue.push(child);
  }
  return found;
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of (read(file) ?? "").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] = local "ADDR:PORT", cols[3] = state (0A = LISTEN), cols[9] = inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A" && cols[9]) inodes.add(cols[9]);
    }
  }
  return inodes;
}

function ownsSocket(pid: number, inodes: Set<string>): boolean {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" });
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) return true;
    }
  } catch {
    // The process ended or is not ours to read.
  }
  return false;
}

/** The pid of the process serving `port` among `root`'s descendants, and how it was found. */
export function findServerPid(root: number, port: number): { pid: number; how: string } | null {
  const family = descendants(root);
  const inodes = listeningInodes(port);
  const owner = family.find((pid) => ownsSocket(pid, inodes));
  if (owner !== undefined) return { pid: owner, how: `owner of the listening socket on :${port}` };
  const nodes = family.filter((pid) => read(`/proc/${pid}/comm`)?.trim() === "node");
  const last = nodes.at(-1);
  return last === undefined ? null : { pid: last, how: "deepest node descendant" };
}

/** VmRSS in bytes, or null when the process is gone. */
export function rssOf(pid: number): number | null {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(read(`/proc/${pid}/status`) ?? "")?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

/** RSS of a process and all its descendants, summed (npm start: npm + sh + tsx + server). */
export function treeRssOf(root: number): number | null {
  const values = descendants(root)
    .map(rssOf)
    .filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/** Samples a pid's RSS every `everyMs` and keeps the peak since the last reset. */
export class RssSampler {
  private peak: number | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly pid: number,
    private readonly everyMs = 200,
  ) {}

  now(): number | null {
    return rssOf(this.pid);
  }

  start(): void {
    this.peak = this.now();
    this.timer = setInterval(() => {
      const value = this.now();
      if (value !== null && (this.peak === null || value > this.peak)) this.peak = value;
    }, this.everyMs);
    this.timer.unref();
  }

  /** The peak since start(), and stops sampling. */
  stop(): number | null {
    clearInterval(this.timer);
    const value = this.now();
    if (value !== null && (this.peak === null || value > this.peak)) this.peak = value;
    return this.peak;
  }
}

/** Whether something already listens on `port` (another test run, a server left behind). */
export function portInUse(port: number): boolean {
  return listeningInodes(port).size > 0;
}
