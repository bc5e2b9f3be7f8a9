"use client";

import { useMemo, useState } from "react";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";
import { checkDraft, errorLookup } from "./check-draft";
import { contentToDraft, createIdSource, emptyDraft, type TRichDraft } from "./rich-draft";

/** Ids for the rich composer's list items (quick replies, cards, buttons). */
export const newId = createIdSource("rich");

/**
 * The rich composer's draft, checked with the server's schema on every change (`check`,
 * `errorAt` for each field), and the image file its image editor uploads.
 */
export function useRichDraft({
  initialContent,
  droppedFile,
  purpose,
}: {
  initialContent: TOutboundContentInput | undefined;
  droppedFile: File | null | undefined;
  purpose: "send" | "save";
}) {
  const [draft, setDraft] = useState<TRichDraft>(() =>
    initialContent
      ? contentToDraft(initialContent, newId)
      : emptyDraft(newId, droppedFile ? "image" : purpose === "save" ? "text" : "quickReplies"),
  );
  const [imageFile, setImageFile] = useState<File | null>(droppedFile ?? null);
  // Bumped after a send to remount the editors, so their fields forget they were touched.
  const [generation, setGeneration] = useState(0);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const errorAt = useMemo(() => errorLookup(check.issues), [check.issues]);

  return {
    draft,
    setDraft,
    imageFile,
    generation,
    check,
    errorAt,
    /** After a send: a blank draft of the same kind. */
    reset: () => {
      setDraft(emptyDraft(newId, draft.kind));
      setImageFile(null);
      setGeneration((g) => g + 1);
    },
    /** A file dropped outside the image and card editors (which take their own) goes to the image editor. */
    takeImage: (file: File) => {
      setImageFile(file);
      setDraft((d) => ({ ...d, kind: "image" }));
    },
  };
}
