"use client";

import { useState, type ReactNode } from "react";
import { ZFileContent, ZImageContent, ZMediaContent, ZShareContent } from "@/lib/messages/schemas";

// A customer's media, always from the CDN URL CM gave: Instagram's rules forbid keeping a copy
// (spec: business rules, "only store the privacy aware CDN URL"). Those links expire, so each
// player falls back to a plain sentence once its media no longer loads, instead of a broken one.

export const MEDIA_GONE = "This media is no longer available on Instagram";

function Gone({ caption }: { caption?: string | null | undefined }) {
  return (
    <span className="block">
      <span role="note" className="block text-neutral-600 italic">
        {MEDIA_GONE}
      </span>
      {caption ? <span className="mt-1 block">{caption}</span> : null}
    </span>
  );
}

/** Renders `children(onError)` until the media fails to load, then says it is gone. */
function WhileAvailable({
  caption,
  children,
}: {
  caption?: string | null | undefined;
  children: (onError: () => void) => ReactNode;
}) {
  const [gone, setGone] = useState(false);
  return gone ? <Gone caption={caption} /> : <>{children(() => setGone(true))}</>;
}

export function CustomerImage({ content }: { content: Record<string, unknown> }) {
  const c = ZImageContent.safeParse(content);
  if (!c.success) return <Gone />;
  return (
    <WhileAvailable caption={c.data.caption}>
      {(onError) => (
        <figure>
          <img
            src={c.data.url}
            alt={c.data.caption || "Photo from the customer"}
            className="max-h-72 rounded-lg"
            loading="lazy"
            referrerPolicy="no-referrer"
            onError={onError}
          />
          {c.data.caption ? <figcaption className="mt-1">{c.data.caption}</figcaption> : null}
        </figure>
      )}
    </WhileAvailable>
  );
}

export function CustomerAudio({ content }: { content: Record<string, unknown> }) {
  const c = ZMediaContent.safeParse(content);
  if (!c.success) return <Gone />;
  return (
    <WhileAvailable caption={c.data.caption}>
      {(onError) => (
        <span className="block">
          <audio
            controls
            preload="metadata"
            src={c.data.url}
            aria-label="Voice message from the customer"
            className="max-w-64"
            onError={onError}
          />
          {c.data.caption ? <span className="mt-1 block">{c.data.caption}</span> : null}
        </span>
      )}
    </WhileAvailable>
  );
}

export function CustomerVideo({ content }: { content: Record<string, unknown> }) {
  const c = ZMediaContent.safeParse(content);
  if (!c.success) return <Gone />;
  return (
    <WhileAvailable caption={c.data.caption}>
      {(onError) => (
        <figure>
          <video
            controls
            playsInline
            preload="metadata"
            src={c.data.url}
            aria-label="Video from the customer"
            className="max-h-72 w-64 max-w-full rounded-lg bg-black"
            onError={onError}
          />
          {c.data.caption ? <figcaption className="mt-1">{c.data.caption}</figcaption> : null}
        </figure>
      )}
    </WhileAvailable>
  );
}

const SHARED = { post: "Shared post", reel: "Shared reel", story: "Shared story" } as const;

/** A post, reel or story the customer shared: a card that opens it on Instagram. */
export function CustomerShare({ content }: { content: Record<string, unknown> }) {
  const c = ZShareContent.safeParse(content);
  if (!c.success) return <Gone />;
  const what = SHARED[c.data.shareType];
  return (
    <span className="block">
      <a
        href={c.data.url}
        target="_blank"
        rel="noreferrer noopener"
        aria-label={`${what}${c.data.title ? `: ${c.data.title}` : ""}, opens Instagram`}
        className="block rounded-lg border border-neutral-300 bg-white px-3 py-2 text-neutral-900 no-underline hover:bg-neutral-50"
      >
        <span className="block text-xs font-medium text-neutral-600">🔗 {what}</span>
        {c.data.title ? <span className="block font-medium">{c.data.title}</span> : null}
        <span className="block truncate text-xs text-blue-700 underline">{hostOf(c.data.url)}</span>
      </a>
      {c.data.text ? <span className="mt-1 block">{c.data.text}</span> : null}
    </span>
  );
}

/** Any other file: a link that downloads it from the CDN (it is never fetched by the inbox). */
export function CustomerFile({ content }: { content: Record<string, unknown> }) {
  const c = ZFileContent.safeParse(content);
  if (!c.success) return <Gone />;
  const name = c.data.name ?? "File";
  return (
    <span className="block">
      <a
        href={c.data.url}
        download={c.data.name ?? true}
        target="_blank"
        rel="noreferrer noopener"
        aria-label={`Download ${name}${c.data.mimeType ? ` (${c.data.mimeType})` : ""}`}
        className="inline-flex items-center gap-2 rounded-lg border border-neutral-300 bg-white px-3 py-2 text-neutral-900 underline"
      >
        📎 {name}
      </a>
      {c.data.caption ? <span className="mt-1 block">{c.data.caption}</span> : null}
    </span>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
