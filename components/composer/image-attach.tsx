"use client";

import { useEffect, useId, useRef, useState, type ClipboardEvent, type DragEvent, type ReactNode } from "react";
import { uploadImage } from "@/lib/browser/upload-image";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import { imageFileProblem, normalizeImageType } from "@/lib/cm/media-type";
import type { TUploadAnswer } from "@/lib/media/schemas";

const ACCEPT = [...L.imageMimeTypes, ...L.imageExtensions.map((e) => `.${e}`)].join(",");

type TState =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number; preview: string; name: string }
  | { phase: "done"; preview: string; name: string }
  | { phase: "failed"; message: string };

/** The first image file in a drop or a paste, if any. */
function imageFile(list: DataTransfer | null): File | null {
  const files = Array.from(list?.files ?? []);
  return files.find((f) => normalizeImageType(f.type) !== null) ?? files[0] ?? null;
}

/**
 * Attaches an image from the agent's computer: chosen, dropped anywhere on `children`, or
 * pasted while the focus is inside. Checked against Instagram's type and size before it is
 * sent; uploaded with a progress bar and a preview; then `onUploaded` gets the public URL CM
 * will fetch.
 */
export function ImageAttach({
  chooseLabel,
  onUploaded,
  initialFile,
  children,
}: {
  chooseLabel: string;
  onUploaded: (upload: TUploadAnswer) => void;
  /** A file dropped elsewhere on the composer, to upload as soon as this editor shows. */
  initialFile?: File | null | undefined;
  children: ReactNode;
}) {
  const inputId = useId();
  const [state, setState] = useState<TState>({ phase: "idle" });
  const [dragging, setDragging] = useState(false);
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

  function onDragOver(event: DragEvent) {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function onDrop(event: DragEvent) {
    const file = imageFile(event.dataTransfer);
    setDragging(false);
    if (file === null) return;
    // Handled here: the composer around this editor must not take the same file again.
    event.preventDefault();
    event.stopPropagation();
    start(file);
  }

  // Only a pasted file is ours: pasted text goes into the field as usual.
  function onPaste(event: ClipboardEvent) {
    const file = imageFile(event.clipboardData);
    if (file === null) return;
    event.preventDefault();
    start(file);
  }

  return (
    <div
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      onPaste={onPaste}
      className={`flex flex-col gap-3 rounded-md ${dragging ? "outline-2 outline-offset-4 outline-blue-500 outline-dashed" : ""}`}
    >
      <div className="flex flex-wrap items-center gap-3 rounded-md border border-dashed border-neutral-300 p-3">
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="peer sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) start(file);
          }}
        />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium text-neutral-800 peer-focus-visible:ring-2 peer-focus-visible:ring-blue-500 hover:bg-neutral-50"
        >
          {chooseLabel}
        </label>
        <p className="text-xs text-neutral-600">
          or drop or paste one here: {L.imageExtensions.map((e) => e.toUpperCase()).join(", ")}, up to{" "}
          {L.imageMaxBytes / (1024 * 1024)} MB.
        </p>
        {preview !== null && (
          <img
            src={preview}
            alt={`Preview of ${state.phase === "idle" || state.phase === "failed" ? "the image" : state.name}`}
            className="h-16 w-16 rounded border border-neutral-200 object-cover"
          />
        )}
        {state.phase === "uploading" && (
          <div
            role="progressbar"
            aria-label={`Uploading ${state.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.percent}
            className="h-2 w-32 overflow-hidden rounded bg-neutral-200"
          >
            <div className="h-full bg-blue-600 transition-[width]" style={{ width: `${state.percent}%` }} />
          </div>
        )}
        <p role="status" className="text-xs text-neutral-700">
          {state.phase === "done" ? `Uploaded ${state.name}.` : ""}
        </p>
        {state.phase === "failed" && (
          <p role="alert" className="basis-full text-xs text-red-700">
            {state.message}
          </p>
        )}
      </div>
      {children}
    </div>
  );
}
