/** Runs `send` at once, or once `confirm` (the collision question) answers yes; a no leaves the draft. */
export function whenConfirmed(confirm: (() => Promise<boolean>) | undefined, send: () => void): void {
  if (!confirm) return send();
  void confirm().then((confirmed) => {
    if (confirmed) send();
  });
}
