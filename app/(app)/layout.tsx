import type { ReactNode } from "react";
import { SessionProvider } from "@/components/auth/session-context";
import { NotificationCenter } from "@/components/notifications/notification-center";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { AppHeader } from "@/components/shell/app-header";
import { requirePageUser } from "@/lib/http/page-session";

export const dynamic = "force-dynamic";

/** Every page in this group needs a signed-in user; the socket connects only here. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <SessionProvider user={user}>
      <RealtimeProvider>
        <NotificationCenter />
        <div className="flex h-full flex-col">
          <AppHeader />
          <div className="min-h-0 flex-1">{children}</div>
        </div>
      </RealtimeProvider>
    </SessionProvider>
  );
}
