"use client";

import { leaveAfter } from "@/lib/browser/leave-to";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSessionUser } from "@/components/auth/session-context";
import { ConnectionBadge } from "@/components/realtime/connection-badge";
import { authClient } from "@/lib/auth/client";

export function AppHeader() {
  const user = useSessionUser();
  const pathname = usePathname();
  const links = [
    { href: "/", label: "Inbox", active: pathname === "/" },
    { href: "/windows", label: "Reply windows", active: pathname.startsWith("/windows") },
    { href: "/saved-replies", label: "Saved replies", active: pathname.startsWith("/saved-replies") },
    ...(user.role === "admin"
      ? [
          { href: "/admin/reports", label: "Reports", active: pathname.startsWith("/admin/reports") },
          {
            href: "/admin/accounts",
            label: "Admin",
            active: pathname.startsWith("/admin") && !pathname.startsWith("/admin/reports"),
          },
        ]
      : [{ href: "/performance", label: "My performance", active: pathname.startsWith("/performance") }]),
  ];

  function signOut() {
    // Our own socket is closed by the sign-out too: its "revoked" must not win the race.
    void leaveAfter(authClient.signOut(), "/sign-in?reason=signed-out");
  }

  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-neutral-200 bg-white px-4 py-2.5 sm:gap-x-6">
      <span className="font-semibold">Instagram Inbox</span>
      <nav aria-label="Main" className="flex flex-wrap gap-1">
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={link.active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${link.active ? "bg-neutral-100 font-medium" : "text-neutral-600 hover:bg-neutral-50"}`}
          >
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3 sm:gap-4">
        <ConnectionBadge />
        <Link href="/account" className="text-sm text-neutral-600 hover:underline" title={user.email}>
          {user.name} <span className="hidden text-neutral-500 sm:inline">({user.role})</span>
        </Link>
        <button type="button" onClick={signOut} className="text-sm font-medium text-neutral-700 hover:underline">
          Sign out
        </button>
      </div>
    </header>
  );
}
