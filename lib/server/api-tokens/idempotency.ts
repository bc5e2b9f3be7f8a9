import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";

// Idempotency-Key on the public API's POSTs that create (issue 21), as Stripe has it: a client
// that retries a request (a timeout, a crash) with the same key gets the first answer again, and
// the work is done once. The key and its answer are written in the transaction of the work
// itself (the message stored, the note written), so there is no moment where one exists without
// the other: two requests racing with one key both do the work in a transaction, one commits,
// the other's insert of the key fails, its work rolls back, and it answers the winner's answer.

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Printable ASCII, as Stripe's: a UUID is the usual choice. */
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface TIdempotency {
  tokenId: string;
  key: string;
  /** SHA-256 of the method, path and body: the same key for another request is refused. */
  requestHash: string;
}

export interface TStoredAnswer {
  status: number;
  body: unknown;
}

/** The request's key, if it sent one; 400 for one that cannot be a key. */
export function idempotencyOf(
  header: string | null,
  request: { tokenId: string; method: string; path: string; body: unknown },
): TIdempotency | undefined {
  if (header === null) return undefined;
  if (!KEY.test(header)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID, say).");
  }
  const requestHash = createHash("sha256")
    .update(`${request.method} ${request.path}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
  return { tokenId: request.tokenId, key: header, requestHash };
}

/**
 * The answer given before to this key, if any (within 24 hours): to be replayed. A key used
 * for another request (method, path or body) is refused with 422, as Stripe does.
 */
export async function storedAnswer(
  prisma: PrismaClient,
  idempotency: TIdempotency,
  now = new Date(),
): Promise<TStoredAnswer | null> {
  const row = await prisma.idempotencyKey.findUnique({
    where: { tokenId_key: { tokenId: idempotency.tokenId, key: idempotency.key } },
  });
  if (!row || row.createdAt.getTime() <= now.getTime() - IDEMPOTENCY_TTL_MS) return null;
  if (row.requestHash !== idempotency.requestHash) {
    throw new AppError(
      "UNPROCESSABLE",
      "This Idempotency-Key was used for another request in the last 24 hours: use a new key for a new request.",
    );
  }
  return { status: row.status, body: row.body };
}

/** Records the answer with the key, inside the transaction of the work it answers. */
export async function recordAnswer(
  tx: Prisma.TransactionClient,
  idempotency: TIdempotency,
  answer: TStoredAnswer,
  now = new Date(),
): Promise<void> {
  // A key older than 24 hours may be used again: its old row goes first.
  await tx.idempotencyKey.deleteMany({
    where: {
      tokenId: idempotency.tokenId,
      key: idempotency.key,
      createdAt: { lte: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) },
    },
  });
  await tx.idempotencyKey.create({
    data: {
      tokenId: idempotency.tokenId,
      key: idempotency.key,
      requestHash: idempotency.requestHash,
      status: answer.status,
      body: answer.body as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
}

/** The key was recorded by another request meanwhile (its transaction committed first). */
export function isKeyTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("IdempotencyKey")
  );
}

/** Deletes keys older than 24 hours (every instance runs it hourly: lib/boot/start-realtime.ts). */
export async function deleteExpiredIdempotencyKeys(prisma: PrismaClient, now = new Date()): Promise<void> {
  await prisma.idempotencyKey.deleteMany({
    where: { createdAt: { lte: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
  });
}
