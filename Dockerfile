# Forum Współpracy JST: one image with the server and the built client.
# Build: docker build -t forum-jst .   Run with compose.yaml (app + MongoDB replica set + Redis).

# ---- build: all dependencies (the server runs TypeScript through tsx) and the built client ----
# Node 24 LTS, as the project targets (engines in package.json).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime ----
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# tsx (which runs the server) is a dev dependency, so node_modules is taken whole from the build stage.
COPY --from=build --chown=node:node /app /app
# Uploads, avatars and generated files live in DATA_DIR: a volume, so they outlive the container.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Liveness only; orchestrators that route traffic should also ask /api/ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Straight to the server: `npm start` would first check dependencies and the client build (done above).
CMD ["node", "--import", "tsx", "server/src/main.ts"]
