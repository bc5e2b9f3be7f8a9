"use client";

import { useEffect, useRef, useState } from "react";

// Swagger UI in the browser. Its bundle comes from our own origin (./assets); it is added by this
// script, which Next.js loaded with the request's nonce, so the page's Content-Security-Policy
// ('strict-dynamic') lets it run without a nonce of its own and without widening the policy.

interface TSwaggerUiOptions {
  url: string;
  domNode: HTMLElement;
  presets: unknown[];
  plugins: (() => { components: Record<string, () => null> })[];
  layout: string;
  deepLinking: boolean;
  docExpansion: "list" | "full" | "none";
  defaultModelsExpandDepth: number;
  supportedSubmitMethods: string[];
  validatorUrl: null;
  queryConfigEnabled: boolean;
}

type TSwaggerUiBundle = ((options: TSwaggerUiOptions) => unknown) & { presets: { apis: unknown } };

declare global {
  interface Window {
    SwaggerUIBundle?: TSwaggerUiBundle;
  }
}

/** Adds the bundle's <script> once (React runs effects twice in development). */
function loadBundle(src: string): Promise<TSwaggerUiBundle> {
  return new Promise((resolve, reject) => {
    const done = () => (window.SwaggerUIBundle ? resolve(window.SwaggerUIBundle) : reject(new Error("No Swagger UI")));
    if (window.SwaggerUIBundle) return done();
    let script = document.querySelector<HTMLScriptElement>("script[data-swagger-ui]");
    if (!script) {
      script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.dataset.swaggerUi = "";
      document.head.append(script);
    }
    script.addEventListener("load", done, { once: true });
    script.addEventListener("error", () => reject(new Error("Swagger UI did not load")), { once: true });
  });
}

export function SwaggerReference({ bundleUrl, specUrl }: { bundleUrl: string; specUrl: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadBundle(bundleUrl).then(
      (SwaggerUIBundle) => {
        if (cancelled || !container.current) return;
        SwaggerUIBundle({
          url: specUrl,
          domNode: container.current,
          presets: [SwaggerUIBundle.presets.apis],
          layout: "BaseLayout",
          deepLinking: true,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          // A reference to read: no "Try it out", so no token is typed into this page, and no
          // Authorize buttons (the description says how to authenticate; each operation its scope).
          supportedSubmitMethods: [],
          plugins: [() => ({ components: { authorizeBtn: () => null, authorizeOperationBtn: () => null } })],
          // Swagger UI would otherwise ask validator.swagger.io for a badge.
          validatorUrl: null,
          // Never render a description named in the page's query string.
          queryConfigEnabled: false,
        });
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [bundleUrl, specUrl]);

  return (
    <>
      {failed && (
        <p role="alert" className="mx-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          The reference could not load. The description itself is at <a href={specUrl}>{specUrl}</a>.
        </p>
      )}
      <div ref={container} />
    </>
  );
}
