// One way out of the app to another page. Several things may want to send the user away at
// once (sign-out, an expired-session 401, the socket refused after sign-out); the first
// decides where to, so a late "expired" cannot replace a deliberate "signed out".
let leaving = false;

export function leaveTo(url: string): void {
  if (leaving) return;
  leaving = true;
  window.location.assign(url);
}

/** Claims the way out first, finishes `work` (e.g. signing out), then leaves for `url`. */
export async function leaveAfter(work: Promise<unknown>, url: string): Promise<void> {
  if (leaving) return;
  leaving = true;
  try {
    await work;
  } finally {
    window.location.assign(url);
  }
}
