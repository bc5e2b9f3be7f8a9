import type { Metadata } from "next";
import Link from "next/link";
import { SwaggerReference } from "./swagger-reference";
import { swaggerUiAssetUrl } from "./swagger-ui-assets";
import "./api-reference.css";

export const metadata: Metadata = { title: "API reference · Instagram Inbox" };

const SPEC_URL = "/api/v1/openapi.json";

/**
 * The public API's reference, rendered by Swagger UI from /api/v1/openapi.json. Public like the
 * description itself (outside the signed-in (app) group): integrators read it before they have a
 * token. Everything it loads comes from this origin.
 */
export default function ApiReferencePage() {
  return (
    <div className="min-h-full bg-white">
      {/* React puts the stylesheet in <head>; Swagger UI's rules are unlayered, so they win over Tailwind's reset. */}
      <link rel="stylesheet" href={swaggerUiAssetUrl("swagger-ui.css")} precedence="default" />
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-[1460px] flex-wrap items-baseline justify-between gap-x-6 gap-y-1 px-3 py-3 sm:px-5">
          <h1 className="text-lg font-semibold">API reference</h1>
          <nav aria-label="Related" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a className="font-medium text-blue-700 hover:underline" href={SPEC_URL}>
              OpenAPI 3.1 description (JSON)
            </a>
            <Link className="font-medium text-blue-700 hover:underline" href="/admin/api-tokens">
              API tokens
            </Link>
          </nav>
        </div>
      </header>
      <main className="api-reference mx-auto max-w-[1460px] pb-10">
        <noscript>
          <p className="p-4 text-sm">
            The reference needs JavaScript. The description itself is at <a href={SPEC_URL}>{SPEC_URL}</a>.
          </p>
        </noscript>
        <SwaggerReference bundleUrl={swaggerUiAssetUrl("swagger-ui-bundle.js")} specUrl={SPEC_URL} />
      </main>
    </div>
  );
}
