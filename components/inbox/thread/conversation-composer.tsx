"use client";

import { useState } from "react";
import { RichComposer } from "@/components/composer/rich-composer";
import { TextComposer } from "@/components/composer/text-composer";
import type { TConversationSummary } from "@/lib/conversations/summary";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";
import type { TReplyGate } from "./reply-gate";

/** What the rich composer opens with: an image dropped on the text composer, or a saved reply's (filled) content. */
type TRichOpening = { droppedFile: File | null; initialContent: TOutboundContentInput | undefined };

/**
 * The text composer (or, in its place, the rich one) under the thread. The text composer also
 * writes private notes (a keyboard shortcut may switch it) and takes a dropped image to the
 * rich composer's image editor.
 */
export function ConversationComposer({
  conversationId,
  conversation,
  gate: { blocked, handedOver },
  onSend,
  onAddNote,
  team,
}: {
  conversationId: string;
  /** Undefined while it loads (no saved replies yet: they are filled for the customer). */
  conversation: TConversationSummary | undefined;
  gate: TReplyGate;
  onSend: (content: TOutboundContentInput, options: { takeBack: boolean }) => void;
  onAddNote: (text: string) => void;
  team: { onTyping: () => void; confirmSend: () => Promise<boolean> };
}) {
  const [rich, setRich] = useState<TRichOpening | null>(null);
  const [noteMode, setNoteMode] = useState(false);

  if (rich) {
    return (
      <RichComposer
        onSend={(content, options) => {
          onSend(content, options);
          setRich(null);
        }}
        blocked={blocked}
        handedOver={handedOver}
        onCancel={() => setRich(null)}
        droppedFile={rich.droppedFile}
        initialContent={rich.initialContent}
        onTyping={team.onTyping}
        confirmSend={team.confirmSend}
      />
    );
  }
  return (
    <div
      // Taken even while sending is blocked: a file dropped and not taken, the browser opens
      // in place of the inbox.
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = blocked ? "none" : "copy";
      }}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (file === undefined) return;
        event.preventDefault();
        if (blocked) return;
        setRich({ droppedFile: file, initialContent: undefined });
      }}
    >
      <TextComposer
        onSend={(text, options) => onSend({ kind: "text", text }, options)}
        blocked={blocked}
        handedOver={handedOver}
        savedReplies={
          conversation && {
            customer: conversation.contact,
            onRichReply: (content) => setRich({ droppedFile: null, initialContent: content }),
          }
        }
        onTyping={team.onTyping}
        confirmSend={team.confirmSend}
        note={{ conversationId, active: noteMode, onToggle: () => setNoteMode((on) => !on), onAdd: onAddNote }}
        extra={
          <button
            type="button"
            onClick={() => setRich({ droppedFile: null, initialContent: undefined })}
            disabled={Boolean(blocked)}
            className="font-medium text-blue-700 hover:underline disabled:text-neutral-400"
          >
            Rich message
          </button>
        }
      />
    </div>
  );
}
