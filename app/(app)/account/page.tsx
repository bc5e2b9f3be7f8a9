import type { Metadata } from "next";
import { ApiTokenManager } from "@/components/api-tokens/api-token-manager";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { NotificationSettings } from "@/components/notifications/notification-settings";

export const metadata: Metadata = { title: "Your account · Instagram Inbox" };

export default function AccountPage() {
  return (
    <main className="mx-auto max-w-2xl space-y-8 p-6">
      <div className="max-w-md">
        <h1 className="mb-4 text-lg font-semibold">Change your password</h1>
        <ChangePasswordForm />
      </div>
      <div className="max-w-md">
        <NotificationSettings />
      </div>
      <section aria-labelledby="personal-tokens" className="space-y-3">
        <h2 id="personal-tokens" className="text-lg font-semibold">
          Personal API tokens
        </h2>
        <p className="text-sm text-neutral-600">
          For a script or tool of your own: a personal token calls the inbox&apos;s API at <code>/api/v1</code> with no
          more than you may do yourself (the accounts you work, now and as they change), and stops when your account is
          deactivated. What it sends is signed with its name.
        </p>
        <ApiTokenManager owner="personal" />
      </section>
    </main>
  );
}
