import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

// The Dockerfile's runtime stage, rebuilt in a folder: the same `npm ci` line and the same
// `COPY --from=build` lines, read from the Dockerfile itself so the test and the image cannot drift.

export interface TRuntimeStage {
  /** The runtime stage's `npm ci …` arguments (after `npm`). */
  install: string[];
  /** The stage's RUN commands before its first `COPY --from=build` (installing the dependencies). */
  run: string[];
  /** Paths copied from the build stage, relative to the app folder (/app in the image). */
  copies: { from: string; to: string }[];
  /** The stage's ENV defaults. */
  env: Record<string, string>;
  /** The HEALTHCHECK command (exec form). */
  healthcheck: string[];
  /** The CMD (exec form): how the image starts the server. */
  cmd: string[];
  /** What the build stage deletes after `npm run build` (not copied into the image). */
  pruned: string[];
}

const APP_DIR = "/app/";

/** Reads the runtime stage of a Dockerfile: the lines after `FROM … AS runtime`. */
export function readRuntimeStage(dockerfile: string): TRuntimeStage {
  const lines = dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim());
  const prune = lines.map((line) => /^RUN\s+npm\s+run\s+build\s+&&\s+rm\s+-rf\s+(.*)$/i.exec(line)).find(Boolean);
  const pruned = prune?.[1]?.split(/\s+/) ?? [];
  const start = lines.findIndex((line) => /^FROM\s+\S+\s+AS\s+runtime$/i.test(line));
  if (start < 0) throw new Error("the Dockerfile has no `FROM … AS runtime` stage");
  const stage: TRuntimeStage = { install: [], run: [], copies: [], env: {}, healthcheck: [], cmd: [], pruned };
  for (const line of lines.slice(start + 1)) {
    if (/^FROM\s/i.test(line)) break;
    const run = /^RUN\s+(?:--mount=\S+\s+)*(.*)$/i.exec(line);
    if (run?.[1] && stage.copies.length === 0) stage.run.push(run[1]);
    const install = /\bnpm\s+(ci\b[^&]*)/i.exec(run?.[1] ?? "");
    if (install?.[1]) stage.install = install[1].trim().split(/\s+/);
    const copy = /^COPY\s+--from=build\s+(?:--chown=\S+\s+)?(\S+)\s+(\S+)$/i.exec(line);
    if (copy?.[1] && copy[2]) {
      if (!copy[1].startsWith(APP_DIR)) throw new Error(`COPY from outside ${APP_DIR}: ${line}`);
      stage.copies.push({ from: copy[1].slice(APP_DIR.length), to: copy[2].replace(/^\.\//, "") });
    }
    const env = /^ENV\s+(.*)$/i.exec(line);
    for (const pair of env?.[1]?.match(/\S+=\S+/g) ?? []) {
      const [name = "", ...value] = pair.split("=");
      stage.env[name] = value.join("=");
    }
    const check = /^HEALTHCHECK\s.*?CMD\s+(\[.*\])$/i.exec(line);
    if (check?.[1]) stage.healthcheck = JSON.parse(check[1]) as string[];
    const cmd = /^CMD\s+(\[.*\])$/i.exec(line);
    if (cmd?.[1]) stage.cmd = JSON.parse(cmd[1]) as string[];
  }
  return stage;
}

/**
 * Builds the runtime stage's tree in `dir` from the app in `root` (already built): package
 * files, the stage's RUN lines (production dependencies only), then the copied build output.
 */
export function buildRuntimeTree(root: string, dir: string, stage: TRuntimeStage): void {
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(root, file), join(dir, file));
  for (const command of stage.run) {
    // The npm cache here is warm: prefer it to the registry.
    const env = { ...process.env, npm_config_prefer_offline: "true" };
    const result = spawnSync("sh", ["-c", command], { cwd: dir, encoding: "utf8", env });
    if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}\n${result.stderr}`);
  }
  for (const { from, to } of stage.copies) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    // What the build stage deletes before the copy is left out here too.
    const pruned = stage.pruned.map((path) => join(root, path));
    // Symlinks as they are, as Docker's COPY keeps them: Next's .next/node_modules links to the
    // packages relatively (made absolute, they would load the checkout's copies instead).
    cpSync(join(root, from), join(dir, to), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !pruned.some((path) => source === path || source.startsWith(`${path}/`)),
    });
  }
}
