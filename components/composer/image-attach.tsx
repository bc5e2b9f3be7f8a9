"use client";

import { useId, useState, type ClipboardEvent, type DragEvent, type ReactNode } from "react";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import { normalizeImageType } from "@/lib/cm/media-type";
import type { TUploadAnswer } from "@/lib/media/schemas";
import { useImageUpload, type TUploadState } from "./use-image-upload";

const ACCEPT = [...L.imageMimeTypes, ...L.imageExtensions.map((e) => `.${e}`)].join(",");

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
  const { state, preview, start } = useImageUpload(onUploaded, initialFile);
  const [dragging, setDragging] = useState(false);

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
        <UploadStatus state={state} preview={preview} />
      </div>
      {children}
    </div>
  );
}

/** The upload's preview, progress, outcome and problem, beside the button that chose it. */
function UploadStatus({ state, preview }: { state: TUploadState; preview: string | null }) {
  return (
    <>
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
    </>
  );
}
