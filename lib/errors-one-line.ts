/**
 * An error as one short log line: its message's last non-empty line (Prisma puts the cause
 * there, after the invocation), never a stack. Driver messages name no secret.
 */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? (error instanceof Error ? error.name : "unknown error")).slice(0, 300);
}
