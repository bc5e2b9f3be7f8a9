# syntax=docker/dockerfile:1
# The inbox as a container image: one build stage with every dependency, one runtime stage with
# production dependencies and the build output only. Data (the embedded database, the generated
# secret when none is set) lives under /data: mount a volume there. With DATABASE_URL set,
# PostgreSQL holds everything (uploads included) and /data stays nearly empty.
#
# e2e/runtime-tree.spec.ts builds the runtime stage's tree the way this file does (it runs the
# runtime stage's RUN lines before the first `COPY --from=build` and copies what the
# `COPY --from=build` lines name) and starts the server from it: keep every file the server
# loads at run time in those lines.

FROM node:20-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app

FROM base AS build
# The postinstall script generates the Prisma client from the schema: it needs both in place.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
# Build-time leftovers (the compiler's cache, route type checks) are not part of the image.
RUN npm run build && rm -rf .next/cache .next/types

FROM base AS runtime
# The generated Prisma client is bundled into dist/server.mjs and the .next route bundles, so
# the runtime stage needs neither the Prisma CLI (a dev dependency) nor the postinstall script.
# npm keeps a dev dependency that a production package names as an optional peer (the Prisma
# CLI and what only it uses, TypeScript, Vitest, Playwright: ~230 MB): nothing loads them at
# run time, so they go.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund && \
    rm -rf node_modules/prisma node_modules/@prisma/engines node_modules/@prisma/studio-core \
      node_modules/@prisma/dev node_modules/@prisma/fetch-engine node_modules/@prisma/streams-local \
      node_modules/effect node_modules/rolldown node_modules/@rolldown node_modules/typescript \
      node_modules/vitest node_modules/@vitest node_modules/@playwright node_modules/playwright \
      node_modules/playwright-core
COPY --from=build /app/dist ./dist
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/next.config.js ./next.config.js
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    TRUST_PROXY=false \
    MALLOC_ARENA_MAX=2
USER node
VOLUME ["/data"]
EXPOSE 3000
# Readiness (database reachable, migrations applied, workers running). Slim images have no
# curl: Node's own fetch asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-old-space-size=192", "--enable-source-maps", "dist/server.mjs"]
