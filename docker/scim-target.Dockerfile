# syntax=docker/dockerfile:1
# The sample downstream SCIM 2.0 application: the repository's SCIMMY-based test target (test-targets/scimmy,
# npm package `scimmy`, in-memory storage). It listens on 127.0.0.1 only, so compose.yml runs it inside the
# Keycloak container's network namespace (network_mode: service:keycloak) and Keycloak reaches it on loopback,
# exactly as in the integration tests.
#   docker build -f docker/scim-target.Dockerfile -t kcscim/scim-target .   (from the repository root)
FROM node:22-bookworm-slim
WORKDIR /app
COPY test-targets/scimmy/package.json test-targets/scimmy/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error
COPY test-targets/scimmy/server.js ./
USER node
# Port from SCIM_TARGET_PORT (default 8880); bearer token from SCIM_TOKEN (unset: no authentication)
CMD ["sh", "-c", "exec node server.js \"${SCIM_TARGET_PORT:-8880}\""]
