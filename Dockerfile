# Marquee: production image. Build: `docker build -t marquee .`; run with docker-compose.yml (PostgreSQL 15).
# Stage 1 compiles TypeScript with the dev dependencies; stage 2 holds the compiled output and production
# dependencies only, runs as the unprivileged `node` user, and reports health from /healthz.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the `node` devDependency (Node 24 for machines with an older Node) is not needed on this image.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json mikro-orm.config.ts ./
COPY src ./src
COPY migrations ./migrations
COPY scripts ./scripts
# The demo catalogue (genre ids, sandbox films) is compiled in too.
COPY fakes ./fakes
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    MARQUEE_DATA_DIR=/data \
    HEALTH_PORT=9464 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464
# Liveness only: readiness (/readyz) is for orchestrators that route traffic; a gateway reconnect must not kill us.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains interactions in flight and closes the database; give it more than the 10 s drain.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
