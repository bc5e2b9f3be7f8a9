const isDev = process.argv.includes("--dev") || process.env.NODE_ENV === "development";

// Security headers on every response. Next.js's App Router inlines its bootstrap scripts, so
// scripts need 'unsafe-inline' (nonces would force every page to render dynamically);
// 'unsafe-eval' only in development, where React's tooling needs it. Customer images come
// from Meta's CDN over https, hence img-src https:; voice notes and videos too, hence
// media-src https:. Plain http only from this machine's loopback address, where the CM
// simulator serves its sample media in development and in the browser tests.
const loopback = "http://127.0.0.1:* http://localhost:*";
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' https: data: blob: ${loopback}`,
  `media-src 'self' https: blob: ${loopback}`,
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
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
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "better-auth"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
