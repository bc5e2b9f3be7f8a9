import { AppError } from "../../errors";

// Keyset pagination: a page ends at (time, id); the next starts strictly after it. The cursor
// is opaque to clients (base64url of "iso|id") and checked when it comes back.

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) throw new AppError("BAD_REQUEST", "The cursor is not valid.");
  return { at, id };
}

// A thread's pages end at a message's seq (unique, so nothing else is needed): base64url of
// "seq:<n>", checked when it comes back like the other.

export function encodeSeqCursor(seq: bigint): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

export function decodeSeqCursor(cursor: string): bigint {
  const match = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match?.[1]) throw new AppError("BAD_REQUEST", "The cursor is not valid.");
  return BigInt(match[1]);
}
