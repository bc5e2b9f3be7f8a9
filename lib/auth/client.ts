// Calls to better-auth's endpoints from the browser. Plain fetch: three calls do not need
// a client library, and errors come back as messages fit to show.

async function post(
  path: string,
  body: unknown,
): Promise<{ ok: true } | { ok: false; status: number; message: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "The server cannot be reached. Check your connection." };
  }
  if (response.ok) return { ok: true };
  const data = (await response.json().catch(() => ({}))) as { message?: string };
  const message =
    response.status === 429
      ? tooManyAttempts(response.headers)
      : response.status === 401 && path === "/sign-in/email"
        ? "Wrong email or password."
        : (data.message ?? `The server answered ${response.status}.`);
  return { ok: false, status: response.status, message };
}

// Two limits answer 429: per address (better-auth's, a minute, X-Retry-After) and per
// account (ours, up to 15 minutes, Retry-After); the wait they name is the one to show.
function tooManyAttempts(headers: Headers): string {
  const seconds = Number(headers.get("retry-after") ?? headers.get("x-retry-after"));
  const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
  return `Too many attempts. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then try again.`;
}

export const authClient = {
  signIn: (email: string, password: string) => post("/sign-in/email", { email, password }),
  signOut: () => post("/sign-out", {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    post("/change-password", { currentPassword, newPassword, revokeOtherSessions: true }),
};
