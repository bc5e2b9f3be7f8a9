"use client";

import { useEffect, useRef, useState } from "react";
import { uploadImage } from "@/lib/browser/upload-image";
import { imageFileProblem } from "@/lib/cm/media-type";
import type { TUploadAnswer } from "@/lib/media/schemas";

export type TUploadState =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number; preview: string; name: string }
  | { phase: "done"; preview: string; name: string }
  | { phase: "failed"; message: string };

/**
 * One image upload at a time: checked against Instagram's type and size first, with progress
 * and a local preview while it runs; a new file aborts the one before. `initialFile` starts at
 * once (a file dropped elsewhere on the composer).
 */
export function useImageUpload(onUploaded: (upload: TUploadAnswer) => void, initialFile: File | null | undefined) {
  const [state, setState] = useState<TUploadState>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);
  const preview = state.phase === "uploading" || state.phase === "done" ? state.preview : null;

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (initialFile) start(initialFile);
    // Once per file this editor is opened with (`start` is a new function each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialFile]);
  useEffect(() => (preview === null ? undefined : () => URL.revokeObjectURL(preview)), [preview]);

  function start(file: File) {
    const problem = imageFileProblem(file);
    if (problem !== null) {
      setState({ phase: "failed", message: problem });
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const name = file.name || "pasted image";
    setState({ phase: "uploading", percent: 0, preview: URL.createObjectURL(file), name });
    uploadImage(
      file,
      (percent) => setState((s) => (s.phase === "uploading" ? { ...s, percent } : s)),
      controller.signal,
    ).then(
      (upload) => {
        setState((s) => (s.phase === "uploading" ? { phase: "done", preview: s.preview, name } : s));
        onUploaded(upload);
      },
      (error: Error) => {
        if (controller.signal.aborted) return;
        setState({ phase: "failed", message: error.message });
      },
    );
  }

  return { state, preview, start };
}
