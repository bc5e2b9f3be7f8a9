import { z } from "zod";

// Zod probes whether eval works (Function("")) when it builds an object schema; the page's CSP
// forbids eval, so in the browser the probe only adds a violation report. Parse without it
// there. A module of its own, imported first by components/providers.tsx: its setting must be
// in place before any module that builds a schema is evaluated (lib/http/answers.ts is one of
// the providers' own imports). Not on the server: the setting lives on globalThis and would
// slow every route.
if (typeof window !== "undefined") z.config({ jitless: true });
