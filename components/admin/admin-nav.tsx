"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/accounts", label: "Instagram accounts" },
  { href: "/admin/agents", label: "Agents" },
  { href: "/admin/labels", label: "Labels" },
  { href: "/admin/sla-policies", label: "SLA policies" },
  { href: "/admin/pipeline", label: "Pipeline" },
  { href: "/admin/api-tokens", label: "API tokens" },
  { href: "/admin/webhooks", label: "Webhooks" },
];

export function AdminNav() {
  const pathname = usePathname();
  // Reports live under /admin (the admin guard) but are a section of their own, with their own tabs.
  if (pathname.startsWith("/admin/reports")) return null;
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-x-4 gap-y-1 border-b border-neutral-200 text-sm">
      {LINKS.map((link) => {
        const active = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 pb-2 ${active ? "border-neutral-900 font-medium" : "border-transparent hover:border-neutral-400"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
