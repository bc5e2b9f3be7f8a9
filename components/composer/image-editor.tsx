"use client";

import { useCallback } from "react";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import { TextField } from "./text-field";
import { ImageAttach } from "./image-attach";
import { ImageTypeField } from "./image-type-field";
import type { TImageDraft, TImageMimeType } from "./rich-draft";

const MAX_MB = L.imageMaxBytes / (1024 * 1024);

/**
 * One image, from the agent's computer (uploaded, served by us at a public URL) or by a public
 * link, with an optional caption (spec: fact sheet, media).
 */
export function ImageEditor({
  value,
  onChange,
  errorAt,
  initialFile,
}: {
  value: TImageDraft;
  onChange: (next: TImageDraft) => void;
  errorAt: TErrorAt;
  initialFile?: File | null | undefined;
}) {
  const setType = useCallback(
    (mimeType: TImageMimeType, typeOverridden: boolean) => onChange({ ...value, mimeType, typeOverridden }),
    [value, onChange],
  );
  return (
    <ImageAttach
      chooseLabel="Choose image"
      initialFile={initialFile}
      onUploaded={(upload) =>
        onChange({ ...value, url: upload.url, mimeType: upload.mimeType, typeOverridden: false, name: upload.name })
      }
    >
      <TextField
        label="Image URL"
        type="url"
        value={value.url}
        onChange={(url) => onChange({ ...value, url, typeOverridden: false })}
        error={errorAt(["image", "url"])}
        placeholder="https://"
        // The size of a remote file is not known here; CM drops a message whose image it cannot fetch.
        hint={`An uploaded image's address, or a public link. Instagram takes images up to ${MAX_MB} MB, which we cannot check for a linked file; if the link is broken, nothing is sent.`}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <ImageTypeField url={value.url} value={value.mimeType} overridden={value.typeOverridden} onChange={setType} />
          {value.mimeType === "image/gif" && (
            <p className="mt-1 text-xs text-neutral-600">Instagram shows only the first frame of a GIF.</p>
          )}
        </div>
        <TextField
          label="File name"
          optional
          value={value.name}
          onChange={(name) => onChange({ ...value, name })}
          error={errorAt(["image", "name"])}
          placeholder="photo.jpg"
          hint="Should end in the image's extension; left blank, it is named after the type."
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
    </ImageAttach>
  );
}
