"use client";

import { useEffect, useId, useState } from "react";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TImageMimeType } from "@/lib/cm/media-type";
import { SelectField } from "@/components/ui/select-field";
import { smallButton } from "@/components/ui/styles";
import { useImageUrlType } from "./use-image-url-type";

export const MIME_TYPE_OPTIONS = L.imageMimeTypes.map((value: TImageMimeType) => ({ value, label: value }));

const SOURCE_TEXT = { extension: "from the link's extension", server: "from the link's server" } as const;

/**
 * The image's type, taken from its link (extension, else the server's Content-Type), so a PNG
 * link goes out as image/png (spec: "Media name attribute should end in the proper file
 * extension"). The menu appears only to override it, or when the link does not say.
 */
export function ImageTypeField({
  url,
  value,
  overridden,
  onChange,
  label = "Image type",
}: {
  url: string;
  value: TImageMimeType;
  overridden: boolean;
  onChange: (mimeType: TImageMimeType, overridden: boolean) => void;
  label?: string;
}) {
  const detected = useImageUrlType(url);
  const [menuOpen, setMenuOpen] = useState(false);
  const lineId = useId();

  // Follows the link while the agent has not chosen otherwise.
  useEffect(() => {
    if (detected.mimeType !== null && !overridden && detected.mimeType !== value) onChange(detected.mimeType, false);
  }, [detected.mimeType, overridden, value, onChange]);

  if (url.trim() === "") return null;
  if (detected.checking) {
    return (
      <p role="status" className="text-xs text-neutral-600">
        Checking the link&apos;s image type…
      </p>
    );
  }
  if (detected.mimeType === null) {
    return (
      <SelectField
        label={label}
        value={value}
        options={MIME_TYPE_OPTIONS}
        onChange={(mimeType) => onChange(mimeType, true)}
        hint="The link does not say what type of image it is: choose the file's type."
      />
    );
  }
  if (!overridden && !menuOpen) {
    return (
      <p id={lineId} className="flex flex-wrap items-center gap-2 text-xs text-neutral-700">
        <span>
          {label}: <strong>{detected.mimeType}</strong> ({detected.source === null ? "" : SOURCE_TEXT[detected.source]})
        </span>
        <button type="button" onClick={() => setMenuOpen(true)} className={smallButton} aria-describedby={lineId}>
          Override type
        </button>
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <SelectField
        label={`${label} (override)`}
        value={value}
        options={MIME_TYPE_OPTIONS}
        onChange={(mimeType) => onChange(mimeType, mimeType !== detected.mimeType)}
        hint={
          value === detected.mimeType
            ? `Matches the link (${detected.mimeType}).`
            : `The link says ${detected.mimeType}; the message will say ${value}.`
        }
      />
      <button
        type="button"
        onClick={() => {
          setMenuOpen(false);
          onChange(detected.mimeType ?? value, false);
        }}
        className={`${smallButton} self-start`}
      >
        Use the link&apos;s type
      </button>
    </div>
  );
}
