// The import graph of the app's own source (app/, components/, lib/, server.ts), read from the
// files' import statements, and the cycles in it. Used by import-graph.test.ts: a cycle fails
// the suite, so the layers ARCHITECTURE.md describes stay one-directional.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "server.ts"];
const EXTENSIONS = [".ts", ".tsx"];
/** Generated code and tests are not part of the layering. */
const SKIP = [/\/generated\//, /\.test\.tsx?$/, /\/node_modules\//];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export type TImportGraph = Map<string, string[]>;

/** Every source file (repo-relative) and the source files it imports. */
export function readImportGraph(root: string): TImportGraph {
  const files = SOURCE_ROOTS.flatMap((entry) => listSources(root, join(root, entry)));
  const graph: TImportGraph = new Map();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(root, file, match[1] ?? match[2] ?? "");
      if (target) targets.add(relative(root, target));
    }
    graph.set(relative(root, file), [...targets]);
  }
  return graph;
}

/** The cycles of a graph, each once, as the files around it (strongly connected components). */
export function findCycles(graph: TImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfImport = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfImport) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function listSources(root: string, path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return isSource(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => listSources(root, join(path, name)));
}

function isSource(path: string): boolean {
  return EXTENSIONS.some((extension) => path.endsWith(extension)) && !SKIP.some((pattern) => pattern.test(path));
}

function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(from), specifier);
  else return null;
  for (const candidate of [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, "index" + e)),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && isSource(candidate)) return candidate;
  }
  return null;
}
