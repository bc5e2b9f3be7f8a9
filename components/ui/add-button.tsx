"use client";

import { useId } from "react";
import { smallButton } from "./styles";

/** An "add" button that says why it is disabled, rather than just greying out. */
export function AddButton({
  children,
  onClick,
  limitReached,
  limitReason,
}: {
  children: string;
  onClick: () => void;
  limitReached: boolean;
  limitReason: string;
}) {
  const reasonId = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        disabled={limitReached}
        aria-describedby={limitReached ? reasonId : undefined}
        className={smallButton}
      >
        {children}
      </button>
      {limitReached && (
        <span id={reasonId} className="text-xs text-neutral-500">
          {limitReason}
        </span>
      )}
    </div>
  );
}
