// One way out of the app to another page. Several things may want to send the user away at
// once (sign-out, an expired-session 401, the socket refused after sign-out); the first
// decides where to, so a late "expired" cannot replace a deliberate "signed out".
let leaving = false;

export function leaveTo(url: string): void {
  if (leaving) return;
  leaving = true;
  window.location.assign(url);
}
