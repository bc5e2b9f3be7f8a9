"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { makeQueryClient } from "@/lib/queries/query-client";

// Zod probes whether eval works (Function("")) before compiling its fast parsers; the page's
// CSP forbids eval, so in the browser the probe only adds a violation report. Parse without
// it there. Not on the server: the setting lives on globalThis and would slow every route.
if (typeof window !== "undefined") z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
