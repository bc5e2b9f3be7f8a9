// Compiles the custom server (server.ts and the lib/ code it imports) into dist/server.mjs, so
// production runs on plain Node.js: no TypeScript transpiler loaded at run time (it cost ~35 MB
// of memory and start-up time). Packages stay in node_modules; `next build` builds the rest.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // Bundled code asking for `require` (CommonJS interop in a few dependencies' ESM builds).
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
console.log("Built dist/server.mjs");
