"use client";

import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import { SelectField, TextField } from "./fields";
import type { TImageDraft, TImageMimeType } from "./rich-draft";

export const MIME_TYPE_OPTIONS = L.imageMimeTypes.map((value: TImageMimeType) => ({ value, label: value }));

const MAX_MB = L.imageMaxBytes / (1024 * 1024);

/** One image by URL with an optional caption (spec: fact sheet, media). */
export function ImageEditor({
  value,
  onChange,
  errorAt,
}: {
  value: TImageDraft;
  onChange: (next: TImageDraft) => void;
  errorAt: TErrorAt;
}) {
  return (
    <div className="flex flex-col gap-3">
      <TextField
        label="Image URL"
        type="url"
        value={value.url}
        onChange={(url) => onChange({ ...value, url })}
        error={errorAt(["image", "url"])}
        placeholder="https://"
        // The size of a remote file is not known here; CM drops a message whose image it cannot fetch.
        hint={`A public link. Instagram takes images up to ${MAX_MB} MB, which we cannot check for a remote file; if the link is broken, nothing is sent.`}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="MIME type"
          value={value.mimeType}
          options={MIME_TYPE_OPTIONS}
          onChange={(mimeType) => onChange({ ...value, mimeType })}
          hint={value.mimeType === "image/gif" ? "Instagram shows only the first frame of a GIF." : undefined}
        />
        <TextField
          label="File name"
          optional
          value={value.name}
          onChange={(name) => onChange({ ...value, name })}
          error={errorAt(["image", "name"])}
          placeholder="photo.jpg"
          hint="Should end in the image's extension."
        />
      </div>
      <TextField
        label="Caption"
        optional
        multiline
        value={value.caption}
        onChange={(caption) => onChange({ ...value, caption })}
        error={errorAt(["caption"])}
        max={L.textMaxChars}
        hint="Instagram shows it as its own message, before the image."
      />
    </div>
  );
}
