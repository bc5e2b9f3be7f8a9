// Security headers on every response. A page's Content-Security-Policy is set per request by
// proxy.ts (it carries a fresh script nonce); the JSON API is never a document, so its
// policy allows nothing at all.
const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Database drivers run in the custom server (server.ts); route handlers reach them through
  // lib/runtime.ts. Keep them out of the route bundles should one ever be imported.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "better-auth",
    // One metrics registry per process (lib/metrics): kept out of the bundles like pino (Next's default).
    "prom-client",
    // The API reference's renderer (app/docs/api): its files are read from its folder in
    // node_modules where the server runs, so the package must not be bundled.
    "swagger-ui-dist",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: nonPagePolicy }] },
    ];
  },
};

export default nextConfig;
