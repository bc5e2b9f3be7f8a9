import { readFile } from "node:fs/promises";
import { SWAGGER_UI_ASSETS, isSwaggerUiAsset, swaggerUiFile, swaggerUiVersion } from "../../swagger-ui-assets";

/**
 * Swagger UI's script and stylesheet for /docs/api, from node_modules; public like the page. A
 * URL with the installed version (as the page links them) may stay in a browser's cache until
 * the next upgrade; any other is revalidated.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!isSwaggerUiAsset(file)) return new Response("Not found", { status: 404 });
  const versioned = new URL(request.url).searchParams.get("v") === swaggerUiVersion();
  return new Response(await readFile(swaggerUiFile(file)), {
    headers: {
      "content-type": SWAGGER_UI_ASSETS[file],
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    },
  });
}
