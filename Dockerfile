# syntax=docker/dockerfile:1
# The Node server (`npm run serve`): the pages from build/, the relay on
# /api/relay and the sandbox on /sandbox, in one process.
#   docker build -t agora-rest-api-docs .
#   docker run --rm -p 3000:3000 agora-rest-api-docs                  # http://localhost:3000
#   docker run --rm -p 8080:3000 -e SITE_ALLOWED_HOSTS=docs.example.com -e SANDBOX_STORE=redis://redis:6379 agora-rest-api-docs
# Sandbox state lives in this process unless SANDBOX_STORE names a Redis
# (needed as soon as more than one container serves the site).

# ---- build: dependencies (dev ones included), catalog, production build
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The whole source goes in before `npm ci`: its postinstall composes the catalog from src/ and scripts/.
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- run: production dependencies, the server's sources and build/, as a non-root user
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# The server runs server/index.ts with tsx (a production dependency), which imports src/ as is.
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/src ./src
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/tsconfig.json ./tsconfig.json
USER node
EXPOSE 3000
# HEAD / is a static file read: cheap, touches neither the relay nor the sandbox store.
# Any answer below 500 counts (a 421 means SITE_ALLOWED_HOSTS names the public host only; the server is up).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "require('node:http').request({host:'127.0.0.1',port:process.env.PORT||3000,path:'/',method:'HEAD',timeout:4000},r=>process.exit(r.statusCode<500?0:1)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1)).end()"]
# What `npm run serve` runs, without npm in between: the server is PID 1 and gets `docker stop`'s SIGTERM
# itself, finishing in-flight requests before it exits (server/limits.ts).
CMD ["node", "--import", "tsx", "server/index.ts"]
