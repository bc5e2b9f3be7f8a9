import type { TMessageView } from "../../messages/schemas";
import {
  messageViewColumns,
  rawToMessageView,
  type TRawMessageRow,
} from "../../server/messages/message-view-returning";
import type { TOutbox } from "./outbox-deps";

/** A send this worker now owns until `leaseUntil`, with what it takes to make it. */
export interface TClaimedSend {
  view: TMessageView;
  attempts: number;
  firstAttemptAt: Date;
  cmReference: string;
  content: unknown;
  /** It was SENDING under a lease that ran out: the worker that had it died mid-send. */
  tookOver: boolean;
  conversationId: string;
  handoverUntil: Date | null;
  account: {
    id: string;
    igAccountId: string;
    productTokenEncrypted: string;
    cmBaseUrl: string | null;
    enabled: boolean;
  };
  igsid: string;
}

type TClaimRow = TRawMessageRow & {
  cmReference: string | null;
  firstAttemptAt: Date;
  previousStatus: string;
  handoverUntil: Date | null;
  accountId: string;
  igAccountId: string;
  productTokenEncrypted: string;
  accountCmBaseUrl: string | null;
  accountEnabled: boolean;
  igsid: string;
};

/**
 * Claims up to `limit` due sends in one statement, safe with any number of workers and
 * instances (FOR UPDATE SKIP LOCKED): queued messages whose time has come, and sends whose
 * worker died (SENDING past its lease; or, from before the outbox, SENDING with no lease and
 * untouched for a lease's length). Per conversation only the oldest unsettled reply is
 * eligible, so replies to one customer leave in the order they were written: the second waits
 * while the first is queued, sending or retrying.
 *
 * A resend after a try whose outcome we never learned is flagged `maybeDuplicate`: that try
 * is a taken-over SENDING, or a QUEUED message whose `leaseUntil` was kept as the mark of a
 * doubtful try (send-claimed.ts).
 */
export async function claimDueSends(outbox: TOutbox, limit: number): Promise<TClaimedSend[]> {
  const now = outbox.now();
  const leaseUntil = new Date(now.getTime() + outbox.options.leaseMs);
  const legacyBefore = new Date(now.getTime() - outbox.options.leaseMs);
  const rows = await outbox.prisma.$queryRaw<TClaimRow[]>`
    WITH due AS (
      SELECT m."id", m."status"::text AS "previousStatus"
      FROM "Message" m
      WHERE m."direction" = 'OUTBOUND'
        AND (
          (m."status" = 'QUEUED' AND m."nextAttemptAt" <= ${now})
          OR (m."status" = 'SENDING' AND (m."leaseUntil" < ${now} OR (m."leaseUntil" IS NULL AND m."updatedAt" < ${legacyBefore})))
        )
        AND NOT EXISTS (
          SELECT 1 FROM "Message" e
          WHERE e."conversationId" = m."conversationId"
            AND e."direction" = 'OUTBOUND'
            AND e."status" IN ('QUEUED', 'SENDING')
            AND (e."createdAt", e."id") < (m."createdAt", m."id")
        )
      ORDER BY m."createdAt", m."id"
      LIMIT ${limit}
      FOR UPDATE OF m SKIP LOCKED
    )
    UPDATE "Message" AS t SET
      "status" = 'SENDING',
      "leaseUntil" = ${leaseUntil},
      "attempts" = t."attempts" + 1,
      "firstAttemptAt" = COALESCE(t."firstAttemptAt", ${now}),
      "maybeDuplicate" = t."maybeDuplicate" OR due."previousStatus" = 'SENDING' OR t."leaseUntil" IS NOT NULL,
      "nextAttemptAt" = NULL,
      "updatedAt" = ${now}
    FROM due, "Conversation" c, "InstagramAccount" a, "Contact" ct
    WHERE t."id" = due."id" AND c."id" = t."conversationId" AND a."id" = c."accountId" AND ct."id" = c."contactId"
    RETURNING ${messageViewColumns("t")}, t."cmReference", t."firstAttemptAt", due."previousStatus",
      c."handoverUntil", a."id" AS "accountId", a."igAccountId", a."productTokenEncrypted",
      a."cmBaseUrl" AS "accountCmBaseUrl", a."enabled" AS "accountEnabled", ct."igsid"`;
  return rows.map((row) => ({
    view: rawToMessageView(row),
    attempts: row.attempts,
    firstAttemptAt: row.firstAttemptAt,
    cmReference: row.cmReference ?? "",
    content: row.content,
    tookOver: row.previousStatus === "SENDING",
    conversationId: row.conversationId,
    handoverUntil: row.handoverUntil,
    account: {
      id: row.accountId,
      igAccountId: row.igAccountId,
      productTokenEncrypted: row.productTokenEncrypted,
      cmBaseUrl: row.accountCmBaseUrl,
      enabled: row.accountEnabled,
    },
    igsid: row.igsid,
  }));
}
