"use client";

import { useId, useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";
import { CardEditor } from "./card-editor";
import { CarouselEditor } from "./carousel-editor";
import { sendBlockers, type TErrorAt } from "./check-draft";
import { ImageEditor } from "./image-editor";
import { InstagramPreview } from "./instagram-preview";
import { MessageTypeTabs, RICH_KINDS, TEXT_AND_RICH_KINDS, panelId, tabId } from "./message-type-tabs";
import { QuickRepliesEditor } from "./quick-replies-editor";
import type { TRichDraft } from "./rich-draft";
import { TakeBackConfirm } from "./take-back-confirm";
import { whenConfirmed } from "@/components/ui/when-confirmed";
import { TextEditor } from "./text-editor";
import { newId, useRichDraft } from "./use-rich-draft";

/** Enough to tell the agent where to look; every field shows its own message as well. */
const SUMMARY_LINES = 5;

/**
 * Quick replies, an image, a card or a carousel, built field by field beside a live preview of
 * what Instagram will show. Checked with the server's schema on every change: Send stays
 * disabled, and a summary says why, until the message is one Instagram accepts.
 */
export function RichComposer({
  onSend,
  blocked,
  handedOver,
  onCancel,
  droppedFile,
  initialContent,
  purpose = "send",
  onTyping,
  confirmSend,
}: {
  onSend: (content: TOutboundContentInput, options: { takeBack: boolean }) => void;
  blocked?: string | null;
  handedOver?: boolean;
  onCancel: () => void;
  /** An image dropped on the text composer: the image editor opens with it uploading. */
  droppedFile?: File | null;
  /** Starts from this content (a saved reply) rather than blank. */
  initialContent?: TOutboundContentInput | undefined;
  /**
   * "save": the composer edits a saved reply. It offers plain text too, its button says "Save
   * reply", and it keeps the draft after submitting (the save may still be refused).
   */
  purpose?: "send" | "save";
  /** Called on every input in the editors (presence: "typing…"). */
  onTyping?: () => void;
  /** Asked before sending; the draft stays when it answers false. */
  confirmSend?: () => Promise<boolean>;
}) {
  const idBase = useId();
  const { draft, setDraft, imageFile, generation, check, errorAt, reset, takeImage } = useRichDraft({
    initialContent,
    droppedFile,
    purpose,
  });
  const saving = purpose === "save";
  const [takeBack, setTakeBack] = useState(false);
  const disabledReason = blocked ?? null;
  const needsConfirm = Boolean(handedOver) && !takeBack;
  const canSend = disabledReason === null && check.valid !== null && !needsConfirm;

  const reasons = sendBlockers(check.issues, { blocked: disabledReason !== null, needsTakeBack: needsConfirm });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend || check.valid === null) return;
    const content = check.valid;
    const send = () => {
      onSend(content, { takeBack: Boolean(handedOver) });
      if (saving) return;
      reset();
      setTakeBack(false);
    };
    whenConfirmed(confirmSend, send);
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    const file = event.dataTransfer.files[0];
    if (event.defaultPrevented || file === undefined || disabledReason !== null) return;
    event.preventDefault();
    takeImage(file);
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={keepEnterInFields}
      onInput={onTyping}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes("Files")) event.preventDefault();
      }}
      onDrop={onDrop}
      aria-label={saving ? "Saved reply content" : "Rich message"}
      className="max-h-[60vh] overflow-y-auto border-t border-neutral-200 bg-white"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 px-3 pt-3">
        <MessageTypeTabs
          idBase={idBase}
          value={draft.kind}
          onChange={(kind) => setDraft((d) => ({ ...d, kind }))}
          disabled={disabledReason !== null}
          kinds={saving ? TEXT_AND_RICH_KINDS : RICH_KINDS}
        />
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-2 py-1 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
        >
          Cancel
        </button>
      </div>
      {disabledReason && (
        <p role="status" aria-label="Why you cannot send" className="px-3 pt-2 text-sm text-amber-800">
          {disabledReason}
        </p>
      )}
      {/* A disabled fieldset disables every control inside it: nothing can be edited or sent. */}
      <fieldset disabled={disabledReason !== null} className="min-w-0">
        <div className="grid gap-4 p-3 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div role="tabpanel" id={panelId(idBase)} aria-labelledby={tabId(idBase, draft.kind)} className="min-w-0">
            <Editor key={generation} draft={draft} setDraft={setDraft} errorAt={errorAt} imageFile={imageFile} />
          </div>
          <PreviewPane content={check.content} />
        </div>
        <SendBar
          takeBack={handedOver ? { checked: takeBack, onChange: setTakeBack } : null}
          reasons={reasons}
          verb={saving ? "save" : "send"}
          canSend={canSend}
          label={saving ? "Save reply" : handedOver ? "Send and take back" : "Send"}
        />
      </fieldset>
    </form>
  );
}

// Enter in a one-line field would submit the form; half-way through a card that is never meant.
function keepEnterInFields(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key === "Enter" && event.target instanceof HTMLInputElement) event.preventDefault();
}

/** Stays in view beside a long editor (a carousel of ten cards). */
function PreviewPane({ content }: { content: TOutboundContentInput }) {
  return (
    <section aria-label="Instagram preview" className="min-w-0 self-start lg:sticky lg:top-3">
      <h3 className="mb-2 text-xs font-medium tracking-wide text-neutral-500 uppercase">Instagram preview</h3>
      <div className="rounded-md border border-neutral-200 bg-white p-3">
        <InstagramPreview content={content} />
      </div>
    </section>
  );
}

/**
 * The bar under the editors: the take-back question during a handover, what still stands in
 * the way (the first few, tied to the button) and the button.
 */
function SendBar({
  takeBack,
  reasons,
  verb,
  canSend,
  label,
}: {
  takeBack: { checked: boolean; onChange: (checked: boolean) => void } | null;
  reasons: string[];
  verb: "save" | "send";
  canSend: boolean;
  label: string;
}) {
  const summaryId = useId();
  return (
    <div className="sticky bottom-0 flex flex-col gap-2 border-t border-neutral-200 bg-white px-3 py-2">
      {takeBack && <TakeBackConfirm checked={takeBack.checked} onChange={takeBack.onChange} />}
      <div className="flex items-end justify-between gap-3">
        <div id={summaryId} className="min-w-0 text-xs text-neutral-600">
          {reasons.length > 0 && (
            <>
              <p className="font-medium text-neutral-700">Before you can {verb}:</p>
              <ul className="list-disc pl-4">
                {reasons.slice(0, SUMMARY_LINES).map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
                {reasons.length > SUMMARY_LINES && <li>and {reasons.length - SUMMARY_LINES} more.</li>}
              </ul>
            </>
          )}
        </div>
        <button
          type="submit"
          disabled={!canSend}
          aria-describedby={reasons.length > 0 ? summaryId : undefined}
          className="shrink-0 rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {label}
        </button>
      </div>
    </div>
  );
}

function Editor({
  draft,
  setDraft,
  errorAt,
  imageFile,
}: {
  draft: TRichDraft;
  setDraft: (update: (draft: TRichDraft) => TRichDraft) => void;
  errorAt: TErrorAt;
  imageFile: File | null;
}) {
  switch (draft.kind) {
    case "text":
      return (
        <TextEditor
          value={draft.quickReplies.text}
          onChange={(text) => setDraft((d) => ({ ...d, quickReplies: { ...d.quickReplies, text } }))}
          errorAt={errorAt}
        />
      );
    case "quickReplies":
      return (
        <QuickRepliesEditor
          value={draft.quickReplies}
          onChange={(quickReplies) => setDraft((d) => ({ ...d, quickReplies }))}
          errorAt={errorAt}
          newId={newId}
        />
      );
    case "image":
      return (
        <ImageEditor
          value={draft.image}
          onChange={(image) => setDraft((d) => ({ ...d, image }))}
          errorAt={errorAt}
          initialFile={imageFile}
        />
      );
    case "card":
      return (
        <CardEditor
          legend="Card"
          value={draft.card}
          onChange={(card) => setDraft((d) => ({ ...d, card }))}
          errorAt={errorAt}
          path={["card"]}
          newId={newId}
        />
      );
    case "carousel":
      return (
        <CarouselEditor
          value={draft.carousel}
          onChange={(carousel) => setDraft((d) => ({ ...d, carousel }))}
          errorAt={errorAt}
          newId={newId}
        />
      );
  }
}
