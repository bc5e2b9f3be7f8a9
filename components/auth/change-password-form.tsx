"use client";

import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/client";
import { ZPassword } from "@/lib/users/schemas";

export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const next = String(form.get("newPassword"));
    const checked = ZPassword.safeParse(next);
    if (!checked.success)
      return setMessage({ ok: false, text: `The new password ${checked.error.issues[0]?.message}.` });
    if (next !== String(form.get("confirm"))) return setMessage({ ok: false, text: "The two new passwords differ." });
    setPending(true);
    const result = await authClient.changePassword(String(form.get("currentPassword")), next);
    setPending(false);
    if (result.ok) {
      formElement.reset();
      setMessage({ ok: true, text: "Password changed. Your other sessions were signed out." });
    } else {
      setMessage({ ok: false, text: result.status === 400 ? "The current password is wrong." : result.message });
    }
  }

  const field = "mt-1 block w-full rounded-md border border-neutral-300 px-3 py-2";
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-4 rounded-xl border border-neutral-200 bg-white p-6"
      aria-label="Change password"
    >
      <label className="block text-sm font-medium">
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="block text-sm font-medium">
        New password (at least 10 characters)
        <input name="newPassword" type="password" autoComplete="new-password" required className={field} />
      </label>
      <label className="block text-sm font-medium">
        Repeat the new password
        <input name="confirm" type="password" autoComplete="new-password" required className={field} />
      </label>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {message.text}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-neutral-900 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {pending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
