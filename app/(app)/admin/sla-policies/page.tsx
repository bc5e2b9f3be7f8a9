import type { Metadata } from "next";
import { SlaPolicies } from "@/components/sla/sla-policies";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "SLA policies · Admin · Instagram Inbox" };

export default async function SlaPoliciesPage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">SLA policies</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Targets for answering and resolving, in minutes. Each open conversation shows when its next target is due
          (“Due in 12 min”, amber once 75 % of it is used, red when overdue); the assignee, or the account’s members
          when nobody holds it, are warned 10 minutes before, and reports count the breaches. An account’s own policy
          replaces the default. A target saved now counts from now on.
        </p>
      </div>
      <SlaPolicies />
    </main>
  );
}
