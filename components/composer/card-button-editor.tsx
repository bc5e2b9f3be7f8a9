"use client";

import { SelectField } from "@/components/ui/select-field";
import { smallButton } from "@/components/ui/styles";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import type { TButtonDraft } from "./rich-draft";
import { TextField } from "./text-field";

const BUTTON_KINDS = [
  { value: "reply", label: "Reply (postback)" },
  { value: "url", label: "Open URL" },
] as const;

/** One of a card's buttons: a reply (postback data) or a link; `path` is where it sits in the content. */
export function CardButtonEditor({
  index,
  value,
  onChange,
  onRemove,
  errorAt,
  path,
}: {
  index: number;
  value: TButtonDraft;
  onChange: (next: TButtonDraft) => void;
  onRemove: () => void;
  errorAt: TErrorAt;
  path: readonly (string | number)[];
}) {
  return (
    <fieldset className="rounded-md border border-neutral-200 p-2">
      <legend className="px-1 text-xs font-medium text-neutral-600">Button {index + 1}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        <SelectField
          label="Action"
          value={value.kind}
          options={BUTTON_KINDS}
          onChange={(kind) => onChange({ ...value, kind })}
        />
        <TextField
          label="Label"
          value={value.label}
          onChange={(label) => onChange({ ...value, label })}
          error={errorAt([...path, "label"])}
          max={L.suggestionLabelMaxChars}
        />
        {value.kind === "reply" ? (
          <TextField
            label="Postback data"
            value={value.postbackData}
            onChange={(postbackData) => onChange({ ...value, postbackData })}
            error={errorAt([...path, "postbackData"])}
          />
        ) : (
          <TextField
            label="URL"
            type="url"
            value={value.url}
            onChange={(url) => onChange({ ...value, url })}
            error={errorAt([...path, "url"])}
            placeholder="https://"
          />
        )}
      </div>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove button ${index + 1}`}
        className={`${smallButton} mt-2`}
      >
        Remove
      </button>
    </fieldset>
  );
}
