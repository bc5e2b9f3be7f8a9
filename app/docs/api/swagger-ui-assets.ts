import { readFileSync } from "node:fs";
import { join } from "node:path";
import swaggerUiDir from "swagger-ui-dist/absolute-path.js";

// The API reference's renderer, Swagger UI, is served from our own origin: its prebuilt browser
// files are read from node_modules/swagger-ui-dist (a production dependency, so the container's
// runtime stage has it) by ./assets/[file]/route.ts. Nothing is copied into the repository or
// the build, and nothing loads from a CDN. next.config.js keeps the package external to the
// route bundles, so its folder is found where the server runs, not where it was built.

/** The only files served, with their types. */
export const SWAGGER_UI_ASSETS = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
} as const;

export type TSwaggerUiAsset = keyof typeof SWAGGER_UI_ASSETS;

export function isSwaggerUiAsset(name: string): name is TSwaggerUiAsset {
  return Object.hasOwn(SWAGGER_UI_ASSETS, name);
}

export function swaggerUiFile(name: TSwaggerUiAsset): string {
  return join(swaggerUiDir(), name);
}

let version: string | undefined;

/** The installed version: in the asset URLs, so a browser caches a file until an upgrade. */
export function swaggerUiVersion(): string {
  version ??= (JSON.parse(readFileSync(join(swaggerUiDir(), "package.json"), "utf8")) as { version: string }).version;
  return version;
}

export function swaggerUiAssetUrl(name: TSwaggerUiAsset): string {
  return `/docs/api/assets/${name}?v=${encodeURIComponent(swaggerUiVersion())}`;
}
