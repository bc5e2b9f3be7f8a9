import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import functionSize from "./scripts/eslint/function-size.mjs";

// Folder boundaries (STYLE.md), made visible with no-restricted-imports. Flat config lets a
// later block replace a rule, so each folder lists all of its bans in one place.
const NO_SIMULATOR = { group: ["**/simulator/**"], message: "The app never imports the CM simulator." };
const NO_SERVER_CODE = {
  group: ["**/lib/db/**", "**/lib/server/**", "**/lib/cm/client*", "**/generated/**", "@prisma/*", "pg"],
  message: "Components never import server-only code.",
};
const NO_PRISMA_OR_GATEWAY = {
  group: ["**/lib/db/**", "**/generated/**", "@prisma/*", "**/lib/cm/client*"],
  message: "Route handlers call domain functions; they never touch Prisma or the gateway.",
};
const NO_FRAMEWORK = { group: ["next", "next/*", "react", "react-dom"], message: "Domain code knows no framework." };
const NO_BROWSER_DATA = {
  group: ["**/queries/*", "**/queries"],
  message: "Server code never imports the browser's data layer (lib/queries): shared schemas live beside their entity.",
};
const NO_COMPONENTS = {
  group: ["@/components/*", "**/components/*"],
  message: "lib/ is below the components: move what both need into lib/.",
};
const NO_INBOX = {
  group: ["@/components/inbox", "@/components/inbox/**", "../inbox", "../inbox/**"],
  message: "Admin pages do not reach into the inbox's components: shared pieces live in lib/ or a shared folder.",
};
const NO_DOMAIN = {
  group: ["**/lib/server/**", "../server/**"],
  message: "The browser's data layer (lib/queries) uses shared schemas, never server code.",
};
/**
 * The workers (lib/pipeline), by alias or by the relative path from where the files are: from
 * lib/http or lib/queries "../pipeline", from lib/server/<entity>/ "../../pipeline" ("../pipeline"
 * is lib/server/pipeline there, the admin pipeline's domain functions).
 */
const noWorkers = (relative) => ({
  group: ["**/lib/pipeline/**", relative],
  message: "Workers (lib/pipeline) call domain functions, never the other way round.",
});
const NO_REALTIME = {
  group: ["**/lib/realtime/**", "**/realtime/**"],
  message:
    "Domain functions never reach socket.io: they return effects (lib/effects) that the route wrapper or a worker announces.",
};
const NO_REALTIME_SERVER = {
  group: ["**/lib/realtime/server/**", "**/realtime/server/**"],
  message: "The browser shares only lib/realtime's event names and payloads; lib/realtime/server runs on the server.",
};
/** lib/realtime sends what it is given: it never calls domain functions (those return effects to it). */
const NO_DOMAIN_FROM_REALTIME = {
  group: ["**/lib/server/**", "../../server/**", "../server/**"],
  message: "lib/realtime announces effects it is given; it never calls domain functions (lib/server).",
};
/** Effects are plain data: shared by the domain, the workers and lib/realtime. */
const ONLY_SHARED = {
  group: [
    "**/lib/server/**",
    "**/lib/realtime/**",
    "**/lib/pipeline/**",
    "**/lib/http/**",
    "**/lib/queries/**",
    "../server/**",
    "../realtime/**",
    "../pipeline/**",
    "../http/**",
    "../queries/**",
  ],
  message: "lib/effects is plain data below every layer that produces or announces it.",
};
const NO_DATABASE = { group: ["**/db/**", "@prisma/*"], message: "lib/cm knows nothing of the database." };

const restrict = (files, ...patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "dist/",
      "data/",
      ".data*/",
      "lib/db/generated/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Type-aware: the mistakes types can see and tests cannot — a promise nobody awaits or
  // catches, a promise where a boolean or a void callback is expected, an await of a
  // non-promise, a cast that changes nothing.
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  // Sizes a reader holds in mind (ARCHITECTURE.md): files at most 300 lines, functions 80,
  // React components 120. Tests and generated code aside; a long SQL string is one statement.
  {
    files: ["{app,components,lib}/**/*.{ts,tsx}", "server.ts"],
    ignores: ["**/*.test.{ts,tsx}", "lib/testing/**"],
    plugins: { house: functionSize },
    rules: {
      "max-lines": ["error", { max: 300 }],
      "house/function-size": "error",
    },
  },
  {
    files: ["**/*.{mjs,js}"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly" },
    },
  },
  restrict(["server.ts", "app/**/*.{ts,tsx}"], NO_SIMULATOR),
  restrict(["lib/**/*.{ts,tsx}"], NO_SIMULATOR, NO_COMPONENTS),
  restrict(["components/**/*.{ts,tsx}"], NO_SIMULATOR, NO_SERVER_CODE, NO_REALTIME_SERVER),
  restrict(["components/admin/**/*.{ts,tsx}"], NO_SIMULATOR, NO_SERVER_CODE, NO_REALTIME_SERVER, NO_INBOX),
  // The floor (ui/, hooks/) knows no feature and fetches nothing: features build on it, not the reverse.
  restrict(["components/{ui,hooks}/**/*.{ts,tsx}"], NO_SIMULATOR, NO_SERVER_CODE, NO_REALTIME_SERVER, {
    group: [
      "@/components/*/**",
      "../*/**",
      "!@/components/ui/**",
      "!@/components/hooks/**",
      "!../ui/**",
      "!../hooks/**",
      "**/lib/queries/**",
    ],
    message: "components/ui and components/hooks are the floor: no feature components, no data fetching.",
  }),
  restrict(["app/api/**/*.ts"], NO_SIMULATOR, NO_PRISMA_OR_GATEWAY),
  restrict(
    ["lib/queries/**/*.ts"],
    NO_SIMULATOR,
    NO_COMPONENTS,
    NO_DOMAIN,
    NO_REALTIME_SERVER,
    noWorkers("../pipeline/**"),
  ),
  restrict(
    ["lib/server/**/*.ts"],
    NO_SIMULATOR,
    NO_COMPONENTS,
    NO_FRAMEWORK,
    NO_BROWSER_DATA,
    NO_REALTIME,
    noWorkers("../../pipeline/**"),
  ),
  // Tests of domain functions may drive a worker afterwards (a reply queued, then sent).
  restrict(["lib/server/**/*.test.ts"], NO_SIMULATOR, NO_COMPONENTS, NO_FRAMEWORK, NO_BROWSER_DATA, NO_REALTIME),
  restrict(["lib/effects/**/*.ts"], NO_SIMULATOR, NO_COMPONENTS, NO_FRAMEWORK, ONLY_SHARED),
  restrict(["lib/http/**/*.ts"], NO_SIMULATOR, NO_COMPONENTS, noWorkers("../pipeline/**")),
  restrict(["lib/pipeline/**/*.ts"], NO_SIMULATOR, NO_COMPONENTS, NO_BROWSER_DATA),
  restrict(["lib/realtime/**/*.ts"], NO_SIMULATOR, NO_COMPONENTS, NO_BROWSER_DATA, NO_DOMAIN_FROM_REALTIME),
  // Tests of the rooms drive the domain verbs whose effects move them.
  restrict(["lib/realtime/**/*.test.ts"], NO_SIMULATOR, NO_COMPONENTS, NO_BROWSER_DATA),
  restrict(["lib/cm/**/*.ts"], NO_SIMULATOR, NO_COMPONENTS, NO_DATABASE),
);
