"use client";

import { ModalDialog } from "@/components/ui/modal-dialog";
import { actionButton } from "./styles";

/** Asked before taking a conversation someone else holds: they see the change at once. */
export function ConfirmTakeOver({
  holderName,
  toName,
  onConfirm,
  onCancel,
}: {
  holderName: string;
  toName: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalDialog labelledBy="take-over-title" onCancel={onCancel} className="w-80">
      <h3 id="take-over-title" className="font-semibold">
        {holderName} holds this conversation
      </h3>
      <p className="mt-1 text-sm text-neutral-600">
        Assign it to {toName} instead? {holderName} will see the change at once.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={actionButton} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="rounded-md bg-blue-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-blue-700"
          onClick={onConfirm}
        >
          Reassign
        </button>
      </div>
    </ModalDialog>
  );
}
