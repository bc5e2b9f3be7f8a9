import type { TEffect } from "../../effects/effects";
import { oneLine } from "../../errors-one-line";
import { log } from "../../log/logger";
import { getRuntime, type TIo } from "../../runtime";
import { announceAccountRemoved, announceConversationsRemoved, moveUserRooms } from "./access-rooms";
import { emitEffects } from "./emit";
import { emitContactUpdated, emitLabelsChanged, emitMentions, emitSlaWarnings } from "./emit-team-events";
import { disconnectSession, disconnectUser } from "./presence";

/**
 * Tells the browsers what committed changes did: the one door from domain effects to
 * socket.io, used by the route wrapper (lib/http/route.ts) and the workers (lib/pipeline).
 * Effects go out in the order given. Outside the custom server (build, unit tests without a
 * socket.io server) there is nobody to tell and this does nothing. Never throws: the change
 * is committed whatever happens here, and browsers catch up when they refetch.
 */
export async function announce(...effects: (TEffect | null | undefined)[]): Promise<void> {
  // A committed change may have written webhook events (triggers): the hooks worker looks now.
  getRuntime()?.workers?.hooks?.wake();
  const io = getRuntime()?.io;
  if (!io) return;
  for (const effect of effects) {
    if (!effect) continue;
    try {
      await announceOne(io, effect);
    } catch (error) {
      log().error(`Live event ${effect.kind} could not be sent: ${oneLine(error)}`);
    }
  }
}

async function announceOne(io: TIo, effect: TEffect): Promise<void> {
  switch (effect.kind) {
    case "inbox":
      return emitEffects(effect);
    case "contact-updated":
      return emitContactUpdated(io, effect);
    case "labels-changed":
      return emitLabelsChanged(io, effect);
    case "mentioned":
      return emitMentions(io, effect);
    case "sla-warned":
      return emitSlaWarnings(io, effect);
    case "user-signed-out":
      return disconnectUser(io, effect.userId, effect.reason);
    case "session-ended":
      return disconnectSession(io, effect.sessionId, effect.reason);
    case "access-changed":
      return moveUserRooms(io, effect);
    case "account-removed":
      return announceAccountRemoved(io, effect.accountId);
    case "conversations-removed":
      return announceConversationsRemoved(io, effect.accountId);
  }
}
