import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export const metadata: Metadata = { title: "Your account · Instagram Inbox" };

export default function AccountPage() {
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="mb-4 text-lg font-semibold">Change your password</h1>
      <ChangePasswordForm />
    </main>
  );
}
