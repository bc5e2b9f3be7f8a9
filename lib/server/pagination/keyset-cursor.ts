import { AppError } from "../../errors";

// Keyset pagination: a page ends at (time, id); the next starts strictly after it. The cursor
// is opaque to clients (base64url of "iso|id") and checked when it comes back.
//
// A cursor comes back from the browser, so it may be forged: everything in it must be a value
// the database columns hold, or the query fails as a 500 instead of a 400. JavaScript dates run
// from year −271821 to +275760, PostgreSQL's timestamp from 4713 BC, and a bigint stops at
// 2^63 − 1: so only what encodeCursor itself writes is taken back.

/** What toISOString writes for years 0001–9999 (a four-digit year, no sign). */
const ISO = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Row ids are cuids (or uuids): letters, digits, '-' and '_'. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const BIGINT_MAX = 2n ** 63n - 1n;

function refuse(): never {
  throw new AppError("BAD_REQUEST", "The cursor is not valid.", {
    problems: ["cursor: must be the nextCursor of a previous page, unchanged"],
  });
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const parts = Buffer.from(cursor, "base64url").toString().split("|");
  if (parts.length !== 2) refuse();
  const [iso = "", id = ""] = parts;
  const year = Number(ISO.exec(iso)?.[1] ?? 0);
  const at = new Date(iso);
  // The round trip also refuses a day the calendar lacks (2026-02-30), which Date would roll over.
  if (year < 1 || Number.isNaN(at.getTime()) || at.toISOString() !== iso || !ID.test(id)) refuse();
  return { at, id };
}

// A thread's pages end at a message's seq (unique, so nothing else is needed): base64url of
// "seq:<n>", checked when it comes back like the other.

export function encodeSeqCursor(seq: bigint): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

export function decodeSeqCursor(cursor: string): bigint {
  const match = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString());
  const seq = match?.[1] === undefined ? -1n : BigInt(match[1]);
  // seq is a bigint column: a larger number is no row and makes PostgreSQL fail.
  if (seq < 0n || seq > BIGINT_MAX) refuse();
  return seq;
}
