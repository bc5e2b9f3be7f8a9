"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { imageTypeFromUrl, type TImageMimeType } from "@/lib/cm/media-type";
import { mediaTypeQuery } from "@/lib/queries/media";

export type TImageUrlType = {
  mimeType: TImageMimeType | null;
  source: "extension" | "server" | null;
  /** The server is being asked. */
  checking: boolean;
};

const ASK_AFTER_MS = 500;

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * An image link's type: from its extension at once, else from its server's Content-Type
 * (GET /api/media-type), asked once the agent has stopped typing for a moment.
 */
export function useImageUrlType(url: string): TImageUrlType {
  const trimmed = url.trim();
  const fromName = imageTypeFromUrl(trimmed);
  const [settled, setSettled] = useState(trimmed);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(trimmed), ASK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);
  const ask = fromName === null && settled === trimmed && isHttpUrl(trimmed);
  const probe = useQuery({ ...mediaTypeQuery(trimmed), enabled: ask });
  if (fromName !== null) return { mimeType: fromName, source: "extension", checking: false };
  if (!isHttpUrl(trimmed)) return { mimeType: null, source: null, checking: false };
  if (!ask || probe.isPending) return { mimeType: null, source: null, checking: true };
  return { mimeType: probe.data?.mimeType ?? null, source: probe.data?.source ?? null, checking: false };
}
