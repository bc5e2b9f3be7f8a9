"use client";

import { useId } from "react";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import { CardEditor } from "./card-editor";
import { AddButton } from "@/components/ui/add-button";
import { GroupError } from "@/components/ui/group-error";
import { smallButton } from "@/components/ui/styles";
import { emptyCard, moveItem, removeAt, replaceAt, type TCardDraft, type TNewId } from "./rich-draft";

/** 2 to 10 generic templates side by side (spec: rich card, carousel note). */
export function CarouselEditor({
  value,
  onChange,
  errorAt,
  newId,
}: {
  value: TCardDraft[];
  onChange: (next: TCardDraft[]) => void;
  errorAt: TErrorAt;
  newId: TNewId;
}) {
  const hintId = useId();
  const errorId = useId();
  const atMin = value.length <= L.carouselCardsMin;
  return (
    <div className="flex flex-col gap-3">
      <p id={hintId} className="text-xs text-neutral-500">
        Put cards with an image and a button first: Instagram sizes the rest of the carousel by them. Cards show in the
        Instagram app only.
      </p>
      <ol aria-label="Cards" aria-describedby={`${hintId} ${errorId}`} className="flex flex-col gap-3">
        {value.map((card, i) => (
          <li key={card.id}>
            <CardEditor
              legend={`Card ${i + 1}`}
              value={card}
              onChange={(next) => onChange(replaceAt(value, i, next))}
              errorAt={errorAt}
              path={["cards", i]}
              newId={newId}
              actions={
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    onClick={() => onChange(moveItem(value, i, -1))}
                    disabled={i === 0}
                    aria-label={`Move card ${i + 1} left`}
                    className={smallButton}
                  >
                    ← Left
                  </button>
                  <button
                    type="button"
                    onClick={() => onChange(moveItem(value, i, 1))}
                    disabled={i === value.length - 1}
                    aria-label={`Move card ${i + 1} right`}
                    className={smallButton}
                  >
                    Right →
                  </button>
                  <button
                    type="button"
                    onClick={() => onChange(removeAt(value, i))}
                    disabled={atMin}
                    aria-label={`Remove card ${i + 1}`}
                    title={atMin ? `A carousel needs at least ${L.carouselCardsMin} cards.` : undefined}
                    className={smallButton}
                  >
                    Remove
                  </button>
                </div>
              }
            />
          </li>
        ))}
      </ol>
      <GroupError id={errorId} message={errorAt(["cards"])} />
      <AddButton
        onClick={() => onChange([...value, emptyCard(newId)])}
        limitReached={value.length >= L.carouselCardsMax}
        limitReason={`A carousel can have at most ${L.carouselCardsMax} cards.`}
      >
        Add card
      </AddButton>
    </div>
  );
}
