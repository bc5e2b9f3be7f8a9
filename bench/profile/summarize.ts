// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by package, the
// heaviest first. Not part of `npm run bench`.
//   tsx bench/profile/summarize.ts /tmp/p/CPU.….cpuprofile [--top 40]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

interface TNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface TProfile {
  nodes: TNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "40" } },
});
const profile = JSON.parse(await readFile(positionals[0] ?? "", "utf8")) as TProfile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** node_modules/<package> or the app's own file, or V8's (program, GC, idle). */
function where(url: string): string {
  if (!url) return "(V8)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\/[^ ]*?\/(\.next|dist)\//, "$1/");
}

function print(title: string, sums: Map<string, number>): void {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  const rows = [...sums].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
  for (const [name, us] of rows) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
}

const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of self) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const file = where(frame.url);
  const key = `${frame.functionName || "(anonymous)"}  ${file}:${frame.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  packages.set(file, (packages.get(file) ?? 0) + us);
}
print("Self time by package or file", packages);
print("Self time by function", functions);
