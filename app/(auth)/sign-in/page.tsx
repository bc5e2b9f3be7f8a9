import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Sign in · Instagram Inbox" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, string> = {
  revoked: "You were signed out: you signed out elsewhere, your password was changed, or your account was deactivated.",
  expired: "Your session ended. Sign in again.",
  "signed-out": "You are signed out.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const runtime = getRuntime();
  if (runtime && (await getSessionUser(runtime.auth, await headers()))) redirect(next);
  const reason = typeof params.reason === "string" ? params.reason : undefined;

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-neutral-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Instagram Inbox</h1>
        <p className="mb-6 text-sm text-neutral-500">Sign in to answer your customers.</p>
        <SignInForm next={next} notice={reason ? NOTICES[reason] : undefined} />
      </div>
    </main>
  );
}
