"use client";

import { useId, useState } from "react";
import { INSTAGRAM_LIMITS, charCount, truncateChars } from "@/lib/cm/limits";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";

type TCard = Extract<TOutboundContentInput, { kind: "card" }>["card"];
type TImage = Extract<TOutboundContentInput, { kind: "image" }>["image"];

const bubble = "max-w-[85%] rounded-2xl bg-blue-600 px-3.5 py-2 text-white whitespace-pre-wrap break-words";

/**
 * Our message as the customer will see it in the Instagram app (spec: quick reply, rich card,
 * display order). Presentational only; it also takes half-written content, so empty fields show
 * as placeholders while the agent types.
 */
export function InstagramPreview({ content, label = "Preview" }: { content: TOutboundContentInput; label?: string }) {
  return (
    <figure aria-label={label} className="flex w-full min-w-0 flex-col items-end gap-1 text-left text-sm">
      <PreviewBody content={content} />
    </figure>
  );
}

function PreviewBody({ content }: { content: TOutboundContentInput }) {
  switch (content.kind) {
    case "text":
      return (
        <>
          <p className={bubble}>
            {content.text.trim() === "" ? <Placeholder>Your message</Placeholder> : content.text}
          </p>
          {content.quickReplies !== undefined && content.quickReplies.length > 0 && (
            // Instagram lines quick replies up as a row of chips under the message, scrolling sideways.
            <ul aria-label="Quick replies" className="flex max-w-full gap-1.5 overflow-x-auto pt-1 pb-1">
              {content.quickReplies.map((reply, i) => (
                <li
                  key={i}
                  className={`shrink-0 rounded-full border border-neutral-300 bg-white px-3 py-1 text-xs font-medium whitespace-nowrap text-neutral-900 ${
                    i === 0 ? "ms-auto" : ""
                  }`}
                >
                  <ShownLabel label={reply.label} />
                </li>
              ))}
            </ul>
          )}
        </>
      );
    case "image":
      // Instagram sends the text and the image as two messages, text first (spec: display order).
      return (
        <>
          {content.caption !== undefined && content.caption.trim() !== "" && (
            <p className={bubble}>{content.caption}</p>
          )}
          <PreviewImage image={content.image} className="max-h-64 w-48 rounded-2xl object-cover" />
        </>
      );
    case "card":
      return <PreviewCard card={content.card} />;
    case "carousel":
      return (
        <ul
          aria-label={`Carousel of ${content.cards.length} cards`}
          className="flex max-w-full snap-x gap-2 overflow-x-auto pb-1"
        >
          {content.cards.map((card, i) => (
            <li key={i} className={`shrink-0 snap-start ${i === 0 ? "ms-auto" : ""}`}>
              <PreviewCard card={card} />
            </li>
          ))}
        </ul>
      );
  }
}

function Placeholder({ children }: { children: string }) {
  return <span className="italic opacity-90">{children}</span>;
}

/** Labels over 20 characters are cut by Instagram, not refused (spec: quick reply). */
function ShownLabel({ label }: { label: string }) {
  if (label.trim() === "") return <Placeholder>Label</Placeholder>;
  const max = INSTAGRAM_LIMITS.suggestionLabelMaxChars;
  return <>{charCount(label) > max ? `${truncateChars(label, max)}…` : label}</>;
}

/** A generic template: image on top, bold title, grey subtitle, up to three stacked buttons. */
function PreviewCard({ card }: { card: TCard }) {
  const titleId = useId();
  const buttons = card.buttons ?? [];
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      className="w-56 overflow-hidden rounded-2xl border border-neutral-200 bg-white text-neutral-900"
    >
      {card.image !== undefined && (
        // Instagram crops a generic template's image to its 1.91:1 landscape ratio.
        <PreviewImage image={card.image} className="aspect-[1.91/1] w-full object-cover" />
      )}
      <div className="px-3 py-2">
        <p id={titleId} className="font-semibold break-words">
          {card.header.trim() === "" ? <Placeholder>Card title</Placeholder> : card.header}
        </p>
        {card.text !== undefined && card.text.trim() !== "" && (
          <p className="mt-0.5 text-xs break-words text-neutral-500">{card.text}</p>
        )}
      </div>
      {buttons.length > 0 && (
        <ul aria-label="Buttons" className="divide-y divide-neutral-200 border-t border-neutral-200">
          {buttons.map((button, i) => (
            <li
              key={i}
              className="px-3 py-2 text-center text-sm font-medium"
              title={button.kind === "url" ? button.url : undefined}
            >
              <ShownLabel label={button.label} />
              {button.kind === "url" && (
                <>
                  <span aria-hidden className="ml-1 text-neutral-500">
                    ↗
                  </span>
                  <span className="sr-only"> (opens a link)</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function PreviewImage({ image, className }: { image: TImage; className: string }) {
  // Remembers which URL failed, so a corrected URL is tried again without resetting state.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!isHttpUrl(image.url)) {
    return (
      <div
        role="img"
        aria-label="Image placeholder"
        className={`grid min-h-24 place-items-center bg-neutral-100 text-xs text-neutral-600 ${className}`}
      >
        Image
      </div>
    );
  }
  if (failedUrl === image.url) {
    // CM does not send a message whose media cannot be found (spec: fact sheet, media).
    return (
      <div
        role="img"
        aria-label="Image could not be loaded"
        className={`grid min-h-24 place-items-center bg-red-50 p-2 text-center text-xs text-red-700 ${className}`}
      >
        This image could not be loaded; Instagram will not send a message whose image it cannot fetch.
      </div>
    );
  }
  // A remote URL shown as typed (next/image would need every host allow-listed).
  return (
    <img
      src={image.url}
      alt={image.name ?? "Image"}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailedUrl(image.url)}
      className={`bg-neutral-100 ${className}`}
    />
  );
}
