import { buildSendRequest } from "../../cm/build-send-request";
import { createCmClient } from "../../cm/client";
import { gatewayRefusal } from "../../server/accounts/cm-gateway-policy";
import { gatewayFetch } from "../../server/accounts/gateway-fetch";
import type { TDeliveryStatus } from "../../messages/delivery";
import { ZOutboundContent, type TOutboundContentInput } from "../../messages/compose-schemas";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "../../server/conversations/to-summary";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { applyWaitingReports } from "./apply-waiting-reports";
import type { TClaimedSend } from "./claim-due-sends";
import { describeSendOutcome, type TSendOutcome } from "./describe-send-outcome";
import {
  messageViewColumns,
  rawToMessageView,
  type TRawMessageRow,
} from "../../server/messages/message-view-returning";
import type { TOutbox } from "./outbox-deps";
import { describeDuration, planRetry } from "./plan-retry";
import { metrics } from "../../metrics/metrics";
import { log } from "../../log/logger";

/**
 * Makes one claimed send: hands it to CM and records what happened. Returns the changes to
 * announce. Never throws for a CM outcome; a database error leaves the claim to run out, and
 * the send is taken over after its lease like that of a worker that died.
 */
export async function sendClaimed(outbox: TOutbox, claimed: TClaimedSend): Promise<TEffects> {
  const started = performance.now();
  const outcome = await attempt(outbox, claimed);
  return recordOutcome(outbox, claimed, outcome, (performance.now() - started) / 1000);
}

async function attempt(outbox: TOutbox, claimed: TClaimedSend): Promise<TSendOutcome> {
  const { account } = claimed;
  if (!account.enabled) {
    return {
      kind: "failed",
      reason: "This Instagram account was disabled before the message left. An admin can enable it; then retry.",
      retryable: false,
    };
  }
  const content = storedContent(claimed.content);
  if (!content) {
    return { kind: "failed", reason: "This message was stored in a form that cannot be sent.", retryable: false };
  }
  let productToken: string;
  try {
    productToken = outbox.tokens.decrypt(account.productTokenEncrypted);
  } catch {
    // Only if APP_SECRET changed since the token was stored.
    return {
      kind: "failed",
      reason: "This account's CM product token cannot be read (was APP_SECRET changed?). An admin must enter it again.",
      retryable: false,
    };
  }
  // Checked again at each send, not only when the admin saved it: the name may resolve
  // elsewhere now. Retrying would not change the answer, so the message fails for a person to see.
  const guarded = account.cmBaseUrl !== null && !outbox.cmGateway.allowPrivate;
  const refusal = guarded ? await gatewayRefusal(account.cmBaseUrl ?? "", outbox.cmGateway) : null;
  if (refusal !== null) return { kind: "failed", reason: refusal, retryable: false };
  const client = createCmClient({
    baseUrl: account.cmBaseUrl ?? outbox.cmBaseUrl,
    connectTimeoutMs: outbox.options.cmConnectTimeoutMs,
    responseTimeoutMs: outbox.options.cmResponseTimeoutMs,
    ...(guarded ? { fetch: gatewayFetch(outbox.cmGateway.resolve) } : {}),
  });
  // Every try carries the message's one reference, so CM's reports for any of them find it.
  const result = await client.send({
    productToken,
    request: buildSendRequest([
      {
        from: account.igAccountId,
        to: claimed.igsid,
        reference: claimed.cmReference,
        content,
        ...(claimed.view.tag ? { tag: claimed.view.tag } : {}),
      },
    ]),
  });
  return describeSendOutcome(result);
}

interface TNextState {
  status: TDeliveryStatus;
  reason: string | null;
  retryable: boolean;
  nextAttemptAt: Date | null;
  /** Kept (non-null) after a try whose outcome is unknown: the next try is then a possible duplicate. */
  leaseUntil: Date | null;
}

function nextState(outbox: TOutbox, claimed: TClaimedSend, outcome: TSendOutcome, now: Date): TNextState {
  switch (outcome.kind) {
    case "accepted":
      return { status: "ACCEPTED", reason: null, retryable: false, nextAttemptAt: null, leaseUntil: null };
    case "failed":
      return {
        status: "FAILED",
        reason: outcome.reason,
        retryable: outcome.retryable,
        nextAttemptAt: null,
        leaseUntil: null,
      };
    case "retry": {
      const doubt = outcome.unknown ? now : null;
      const plan = planRetry(
        {
          attempts: claimed.attempts,
          firstAttemptAt: claimed.firstAttemptAt,
          now,
          unknownOutcome: outcome.unknown,
          random: outbox.random(),
        },
        outbox.options,
      );
      if (plan.kind === "give-up") {
        const tries = claimed.attempts === 1 ? "1 try" : `${claimed.attempts} tries`;
        return {
          status: "FAILED",
          reason: `Gave up after ${tries} over ${describeDuration(plan.triedForMs)}: ${outcome.reason}`,
          retryable: true,
          nextAttemptAt: null,
          leaseUntil: doubt,
        };
      }
      return {
        status: "QUEUED",
        reason: `${outcome.reason} Trying again by itself.`,
        retryable: false,
        nextAttemptAt: plan.at,
        leaseUntil: doubt,
      };
    }
  }
}

/**
 * Records the outcome, fenced by (status SENDING, attempts as claimed): if our lease ran out and
 * another worker took the send over, or a status report already moved it on, this try's late
 * answer changes nothing (applySendOutcome's rule for a message no longer SENDING: CM's report
 * knows better than our answer).
 */
async function recordOutcome(
  outbox: TOutbox,
  claimed: TClaimedSend,
  outcome: TSendOutcome,
  seconds: number,
): Promise<TEffects> {
  const now = outbox.now();
  const next = nextState(outbox, claimed, outcome, now);
  const result = next.status === "ACCEPTED" ? "accepted" : next.status === "FAILED" ? "failed" : "retry";
  metrics().sendFinished(result, seconds);
  // Which message, how it went: never its content, the token or CM's full answer.
  const fields = { messageId: claimed.view.id, accountId: claimed.account.id, attempt: claimed.attempts, result };
  if (result === "accepted") log().debug({ ...fields, ms: Math.round(seconds * 1000) }, "outbox: send accepted by CM");
  else
    log().warn(
      { ...fields, nextAttemptAt: next.nextAttemptAt?.toISOString() },
      `outbox: send ${result === "failed" ? "failed" : "will be retried"}`,
    );
  const effects = noEffects();
  effects.accounts.set(claimed.conversationId, claimed.account.id);
  await outbox.prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<TRawMessageRow[]>`
      UPDATE "Message" AS m SET
        "status" = ${next.status}::"DeliveryStatus",
        "statusReason" = ${next.reason},
        "retryable" = ${next.retryable},
        "nextAttemptAt" = ${next.nextAttemptAt},
        "leaseUntil" = ${next.leaseUntil},
        "updatedAt" = ${now}
      WHERE m."id" = ${claimed.view.id} AND m."status" = 'SENDING' AND m."attempts" = ${claimed.attempts}
      RETURNING ${messageViewColumns("m")}`;
    if (row) effects.updatedMessages.push(rawToMessageView(row));

    // A message CM accepted takes a handed-over chat back from the Instagram inbox (spec).
    if (outcome.kind === "accepted" && claimed.handoverUntil) {
      const conversation = await tx.conversation.update({
        where: { id: claimed.conversationId },
        data: { handoverUntil: null },
        include: CONVERSATION_SUMMARY_INCLUDE,
      });
      effects.conversations.push(toConversationSummary(conversation));
    }
    await applyWaitingReports(tx, { accountId: claimed.account.id, reference: claimed.cmReference, now }, effects);
  });
  return effects;
}

/** What we send, as stored; rows from before the composer hold only `{ text }`. */
function storedContent(value: unknown): TOutboundContentInput | null {
  const parsed = ZOutboundContent.safeParse(value);
  if (parsed.success) return parsed.data;
  const text = (value as { text?: unknown } | null)?.text;
  return typeof text === "string" ? { kind: "text", text } : null;
}
