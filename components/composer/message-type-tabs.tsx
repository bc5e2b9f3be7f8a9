"use client";

import { useRef, type KeyboardEvent } from "react";
import type { TRichKind } from "./rich-draft";

export const RICH_KINDS: readonly { kind: TRichKind; label: string }[] = [
  { kind: "quickReplies", label: "Quick replies" },
  { kind: "image", label: "Image" },
  { kind: "card", label: "Card" },
  { kind: "carousel", label: "Carousel" },
];

/** Where plain text has no other editor (saving a reply), it is the first tab. */
export const TEXT_AND_RICH_KINDS: readonly { kind: TRichKind; label: string }[] = [
  { kind: "text", label: "Text" },
  ...RICH_KINDS,
];

export const tabId = (idBase: string, kind: TRichKind) => `${idBase}-tab-${kind}`;
export const panelId = (idBase: string) => `${idBase}-panel`;

/** A segmented control with tab semantics: arrow keys, Home and End move between types. */
export function MessageTypeTabs({
  idBase,
  value,
  onChange,
  disabled,
  kinds = RICH_KINDS,
}: {
  idBase: string;
  value: TRichKind;
  onChange: (kind: TRichKind) => void;
  disabled?: boolean;
  kinds?: readonly { kind: TRichKind; label: string }[];
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = kinds.findIndex((k) => k.kind === value);
    const last = kinds.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (current + 1) % kinds.length
        : event.key === "ArrowLeft"
          ? (current + last) % kinds.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    const target = next === null ? undefined : kinds[next];
    if (target === undefined || next === null) return;
    event.preventDefault();
    onChange(target.kind);
    tabs.current[next]?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label="Message type"
      onKeyDown={onKeyDown}
      className="inline-flex flex-wrap rounded-md border border-neutral-300 bg-neutral-50 p-0.5"
    >
      {kinds.map(({ kind, label }, i) => {
        const selected = kind === value;
        return (
          <button
            key={kind}
            ref={(element) => {
              tabs.current[i] = element;
            }}
            type="button"
            role="tab"
            id={tabId(idBase, kind)}
            aria-selected={selected}
            aria-controls={panelId(idBase)}
            tabIndex={selected ? 0 : -1}
            disabled={disabled}
            onClick={() => onChange(kind)}
            className={`rounded px-3 py-1 text-sm font-medium disabled:opacity-50 ${
              selected ? "bg-white text-neutral-900 shadow-sm" : "text-neutral-600 hover:text-neutral-900"
            }`}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
