"use client";

import { useCallback, useId, type ReactNode } from "react";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import { AddButton } from "@/components/ui/add-button";
import { GroupError } from "@/components/ui/group-error";
import { TextField } from "./text-field";
import { ImageAttach } from "./image-attach";
import { ImageTypeField } from "./image-type-field";
import { CardButtonEditor } from "./card-button-editor";
import {
  emptyButton,
  removeAt,
  replaceAt,
  type TButtonDraft,
  type TCardDraft,
  type TImageMimeType,
  type TNewId,
} from "./rich-draft";

/**
 * A generic template: a title plus at least one of subtitle, image, buttons (spec: rich card).
 * `path` is where the card sits in the content (`["card"]` or `["cards", 2]`), so each field
 * finds its own issue; `actions` are the carousel's move and remove buttons.
 */
export function CardEditor({
  legend,
  value,
  onChange,
  errorAt,
  path,
  newId,
  actions,
}: {
  legend: string;
  value: TCardDraft;
  onChange: (next: TCardDraft) => void;
  errorAt: TErrorAt;
  path: readonly (string | number)[];
  newId: TNewId;
  actions?: ReactNode;
}) {
  const errorId = useId();
  // Whole-card issues (only a title, too many buttons) wait until the agent starts on the card,
  // like the fields' own messages; the summary lists them from the start.
  const started = [value.header, value.text, value.imageUrl].some((v) => v !== "") || value.buttons.length > 0;
  const cardError = started ? (errorAt(path) ?? errorAt([...path, "buttons"])) : undefined;
  const setImageType = useCallback(
    (imageMimeType: TImageMimeType, imageTypeOverridden: boolean) =>
      onChange({ ...value, imageMimeType, imageTypeOverridden }),
    [value, onChange],
  );
  const setButton = (index: number, next: TButtonDraft) =>
    onChange({ ...value, buttons: replaceAt(value.buttons, index, next) });

  return (
    <fieldset
      aria-describedby={cardError === undefined ? undefined : errorId}
      className="flex min-w-0 flex-col gap-3 rounded-md border border-neutral-200 p-3"
    >
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {actions}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Title"
          value={value.header}
          onChange={(header) => onChange({ ...value, header })}
          error={errorAt([...path, "header"])}
          max={L.cardHeaderMaxChars}
        />
        <TextField
          label="Subtitle"
          optional
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
          error={errorAt([...path, "text"])}
          max={L.cardTextMaxChars}
        />
      </div>
      <ImageAttach
        chooseLabel={`Choose image for ${legend}`}
        onUploaded={(upload) =>
          onChange({ ...value, imageUrl: upload.url, imageMimeType: upload.mimeType, imageTypeOverridden: false })
        }
      >
        <TextField
          label="Image URL"
          optional
          type="url"
          value={value.imageUrl}
          onChange={(imageUrl) => onChange({ ...value, imageUrl, imageTypeOverridden: false })}
          error={errorAt([...path, "image", "url"])}
          placeholder="https://"
        />
        <ImageTypeField
          url={value.imageUrl}
          value={value.imageMimeType}
          overridden={value.imageTypeOverridden}
          onChange={setImageType}
        />
      </ImageAttach>
      {value.buttons.length > 0 && (
        <ol aria-label="Buttons" className="flex flex-col gap-2">
          {value.buttons.map((button, i) => (
            <li key={button.id}>
              <CardButtonEditor
                index={i}
                value={button}
                onChange={(next) => setButton(i, next)}
                onRemove={() => onChange({ ...value, buttons: removeAt(value.buttons, i) })}
                errorAt={errorAt}
                path={[...path, "buttons", i]}
              />
            </li>
          ))}
        </ol>
      )}
      <AddButton
        onClick={() => onChange({ ...value, buttons: [...value.buttons, emptyButton(newId)] })}
        limitReached={value.buttons.length >= L.cardButtonsMax}
        limitReason={`A card can have at most ${L.cardButtonsMax} buttons.`}
      >
        Add button
      </AddButton>
      <GroupError id={errorId} message={cardError} />
    </fieldset>
  );
}
