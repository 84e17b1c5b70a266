#!/usr/bin/env bash
# Installs what the integration tests need beyond Java and Maven. Idempotent: safe to run before every test run.
#  - node + npm (Debian packages), for the independent SCIM target (test-targets/scimmy, npm package SCIMMY)
#  - the wrapper's npm dependencies, pinned by test-targets/scimmy/package-lock.json
#  - chromium (Debian package) and playwright-core (integration-tests/browser/package-lock.json) for AdminUiIT
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-test-prerequisites: installing nodejs and npm (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "install-test-prerequisites: node/npm missing and cannot be installed here; SCIMMY tests will be skipped" >&2
    exit 0
  fi
fi

if [ ! -f test-targets/scimmy/node_modules/scimmy/package.json ]; then
  echo "install-test-prerequisites: npm ci in test-targets/scimmy"
  (cd test-targets/scimmy && npm ci --no-audit --no-fund --loglevel=error)
fi
# Browser test of the admin pages (AdminUiIT): Debian chromium + npm playwright-core (never a Playwright browser download)
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-test-prerequisites: installing chromium (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
  else
    echo "install-test-prerequisites: chromium missing and cannot be installed here; AdminUiIT will be skipped" >&2
  fi
fi
if [ ! -f integration-tests/browser/node_modules/playwright-core/package.json ]; then
  echo "install-test-prerequisites: npm ci in integration-tests/browser"
  (cd integration-tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
# PostgreSQL for the two-node cluster tests (installs the Debian package only if missing)
scripts/postgres.sh install
# python3-yaml lets DockerPackagingIT parse docker/compose.yml
if ! python3 -c 'import yaml' >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-test-prerequisites: installing python3-yaml (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >/dev/null; }
fi
echo "install-test-prerequisites: ok (node $(node --version))"
