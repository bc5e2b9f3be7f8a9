import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { NotificationSettings } from "@/components/notifications/notification-settings";

export const metadata: Metadata = { title: "Your account · Instagram Inbox" };

export default function AccountPage() {
  return (
    <main className="mx-auto max-w-md space-y-6 p-6">
      <div>
        <h1 className="mb-4 text-lg font-semibold">Change your password</h1>
        <ChangePasswordForm />
      </div>
      <NotificationSettings />
    </main>
  );
}
