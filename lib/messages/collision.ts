import { previewOf, type TMessageView } from "./schemas";
import { UNSTORED_SEQ } from "./thread-order";

// Two agents answering one customer at once send two answers. When an agent started writing,
// the thread's newest message is remembered; on Send, what other agents sent since is shown first.

/** The newest stored message's seq (0 for an empty thread): where a draft was started. */
export function newestSeq(messages: TMessageView[]): number {
  let newest = 0;
  for (const message of messages) {
    if (message.seq !== UNSTORED_SEQ && message.seq > newest) newest = message.seq;
  }
  return newest;
}

/**
 * Messages sent to the customer by someone else (another agent, or outside this inbox) after
 * `since`, oldest first. This agent's own messages, sent or still sending, never count.
 */
export function findCollisions(messages: TMessageView[], { since, me }: { since: number; me: string }): TMessageView[] {
  return messages
    .filter(
      (message) =>
        message.direction === "OUTBOUND" &&
        message.seq !== UNSTORED_SEQ &&
        message.seq > since &&
        message.authorId !== me &&
        message.status !== "CANCELLED",
    )
    .sort((a, b) => a.seq - b.seq);
}

/** What a colliding message said, in one line: its text, or what kind of rich message it is. */
export function describeCollision(message: TMessageView): string {
  return previewOf(message.kind, message.content) || "A message";
}
