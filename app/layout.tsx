import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Instagram Inbox",
  description: "Live-agent inbox for Instagram Direct Messages over CM.com",
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon-32.png", sizes: "32x32", type: "image/png" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export const viewport: Viewport = { themeColor: "#db2777" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, the not-found page included: its scripts need this
  // request's CSP nonce (proxy.ts), which a page prerendered at build time cannot carry.
  await connection();
  return (
    <html lang="en">
      <body className="bg-neutral-50 text-neutral-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
