import { listNames, type TPresentUser } from "@/lib/realtime/conversation-presence-state";

/**
 * One line under the conversation's name: who else is here, and who is typing. A polite live
 * region, so a screen reader hears "Sam is typing…" without being interrupted.
 */
export function ConversationViewers({ viewers, typing }: { viewers: TPresentUser[]; typing: TPresentUser[] }) {
  const typingNames = typing.map((user) => user.name);
  const here = viewers.map((user) => user.name);
  return (
    <p aria-live="polite" className="text-xs text-neutral-600">
      {typingNames.length > 0 && (
        <span className="font-medium text-blue-800">
          {listNames(typingNames)} {typingNames.length === 1 ? "is" : "are"} typing…
        </span>
      )}
      {typingNames.length > 0 && here.length > 0 && " · "}
      {here.length > 0 && <span>Also here: {listNames(here)}</span>}
    </p>
  );
}
