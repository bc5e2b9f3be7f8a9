import type { ReactNode } from "react";

/**
 * The previous selection's figures, kept on screen while the new selection's load (React
 * Query's placeholder data): said so, and dimmed, so nobody reads them as the new ones.
 */
export function KeptWhileLoading({ kept, children }: { kept: boolean; children: ReactNode }) {
  return (
    <>
      {kept && (
        <p role="status" className="text-sm text-neutral-600">
          Loading the figures for your new selection… those below are the previous selection&apos;s.
        </p>
      )}
      <div data-kept={kept || undefined} className={kept ? "opacity-50" : undefined}>
        {children}
      </div>
    </>
  );
}
