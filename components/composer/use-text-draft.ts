"use client";

import { useState, type FormEvent } from "react";
import { whenConfirmed } from "@/components/ui/when-confirmed";
import { ZSendText } from "@/lib/messages/compose-schemas";
import { checkNote, type TNoteMode } from "./note-mode";

/**
 * The text composer's draft and what submitting it does: in note mode it is checked as a note
 * and added; otherwise it is checked as a reply, a handed-over chat must be taken back first
 * (`takeBack`), and it is sent once `confirmSend` agrees. The box empties only when it went.
 */
export function useTextDraft({
  onSend,
  handedOver,
  note,
  confirmSend,
}: {
  onSend: (text: string, options: { takeBack: boolean }) => void;
  handedOver: boolean | undefined;
  note: TNoteMode | undefined;
  confirmSend: (() => Promise<boolean>) | undefined;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [takeBack, setTakeBack] = useState(false);
  const noting = note?.active === true;
  const needsConfirm = Boolean(handedOver) && !takeBack && !noting;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (note && noting) {
      const problem = checkNote(text);
      setError(problem);
      if (problem) return;
      note.onAdd(text);
      setText("");
      return;
    }
    const checked = ZSendText.safeParse({ text });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? "This message cannot be sent.");
      return;
    }
    if (needsConfirm) {
      setError("Confirm that you take the chat back from the Instagram inbox.");
      return;
    }
    setError(null);
    const send = () => {
      onSend(text, { takeBack: Boolean(handedOver) });
      setText("");
      setTakeBack(false);
    };
    whenConfirmed(confirmSend, send);
  }

  return { text, setText, error, setError, takeBack, setTakeBack, noting, needsConfirm, submit };
}
