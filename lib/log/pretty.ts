import type { DestinationStream } from "pino";

// The readable format (LOG_FORMAT=pretty, the default outside production): one line per
// event, "12:04:05.123 INFO  message  key=value …". A few lines of our own instead of
// pino-pretty, which production would otherwise have to install.

const LEVEL_COLOURS: Record<string, string> = {
  fatal: "\x1b[35m",
  error: "\x1b[31m",
  warn: "\x1b[33m",
  info: "\x1b[32m",
  debug: "\x1b[36m",
  trace: "\x1b[90m",
};
const HIDDEN = new Set(["level", "time", "pid", "hostname", "msg"]);

/** Formats one JSON log line for people. */
export function prettyLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const level = String(entry.level ?? "info");
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const label = level.toUpperCase().padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const head = colour ? `${LEVEL_COLOURS[level] ?? ""}${label}\x1b[0m` : label;
  return `${time} ${head} ${String(entry.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}\n`;
}

/** A pino destination that writes readable lines to `out`. */
export function prettyStream(out: NodeJS.WriteStream): DestinationStream {
  const colour = out.isTTY && !process.env.NO_COLOR;
  return { write: (line: string) => void out.write(prettyLine(line, colour)) };
}
