"use client";

import { leaveTo } from "@/lib/browser/leave-to";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/client";

export function SignInForm({ next, notice }: { next: string; notice?: string | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await authClient.signIn(String(form.get("email")), String(form.get("password")));
    if (result.ok) {
      // A full navigation: the server renders the next page with the new session.
      leaveTo(next);
      return;
    }
    setPending(false);
    setError(result.message);
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" aria-label="Sign in">
      {notice && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {notice}
        </p>
      )}
      <label className="block text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-neutral-300 px-3 py-2"
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-neutral-300 px-3 py-2"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-neutral-900 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
