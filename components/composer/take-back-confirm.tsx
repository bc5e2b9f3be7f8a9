"use client";

/**
 * During a handover the chat is with the Instagram inbox; anything sent through the API takes it
 * back (spec: handover protocol), so the agent confirms that first. Both composers use it.
 */
export function TakeBackConfirm({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5"
      />
      <span>
        The customer asked for a person in the Instagram inbox. Sending from here takes the chat back: messages they
        write there meanwhile never reach this inbox.
      </span>
    </label>
  );
}
