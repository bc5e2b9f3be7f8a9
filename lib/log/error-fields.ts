import { oneLine } from "../errors-one-line";

/**
 * An error as log fields: its type, its message's last line and its stack frames. Never the
 * whole message: Prisma's carries the failed call's arguments (a customer's message, a token).
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: oneLine(error) };
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: oneLine(error),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(frames.length ? { stack: frames.slice(0, 12) } : {}),
  };
}
