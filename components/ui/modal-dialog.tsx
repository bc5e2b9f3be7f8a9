"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal <dialog>, open while mounted: the browser traps focus in it and makes the rest of the
 * page inert; Escape calls `onCancel`; focus goes back where it was when it closes.
 */
export function ModalDialog({
  labelledBy,
  describedBy,
  role,
  onCancel,
  className,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  role?: "alertdialog";
  onCancel: () => void;
  /** Width and the like; the frame (padding, shadow, backdrop) is the same for every dialog. */
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      returnTo?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className={`m-auto rounded-lg p-4 shadow-xl backdrop:bg-black/30 ${className}`}
    >
      {children}
    </dialog>
  );
}
