#!/usr/bin/env bash
# Builds the extension, fetches Keycloak from Maven Central, installs the bundle JAR into it and starts it on
# 127.0.0.1 (port 8080 when free) with a `demo` realm whose SCIM API is ready to call. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

echo "Building the extension (the first run also downloads Keycloak and the Maven plugins; allow a few minutes)..."
mvn -B -q --no-transfer-progress -Dmaven.test.skip=true package
exec mvn -B -q --no-transfer-progress -pl scim-test-support exec:java@demo
