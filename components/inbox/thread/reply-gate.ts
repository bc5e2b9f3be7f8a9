import { canSend, type TChannelState } from "@/lib/channel/rules";

export type TReplyGate = {
  /** Why no reply can be sent now (the reply window is closed), or null. */
  blocked: string | null;
  /** The chat is with the Instagram inbox: sending takes it back, once the agent confirms. */
  handedOver: boolean;
};

/**
 * What the composers must know of the channel's rules for this conversation now: a closed
 * window blocks them, a handover asks first. Nothing is blocked while the conversation loads.
 */
export function replyGate(conversation: TChannelState | undefined, now: Date, humanAgentTag: boolean): TReplyGate {
  const verdict = conversation ? canSend(conversation, now, { takeBack: false, humanAgentTag }) : null;
  return {
    blocked: verdict && !verdict.ok && verdict.code === "WINDOW_CLOSED" ? verdict.reason : null,
    handedOver: verdict?.ok === false && verdict.code === "HANDED_OVER",
  };
}
