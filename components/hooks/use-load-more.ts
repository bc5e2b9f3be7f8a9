"use client";

import { useEffect, useRef } from "react";

/** Calls `load` when the returned element scrolls into view (infinite lists). */
export function useLoadMore<T extends Element>(load: () => void, enabled: boolean) {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [load, enabled]);
  return ref;
}
