#!/usr/bin/env bash
# The full suite: unit tests (*Test) and integration tests (*IT) against the real Keycloak distribution.
# This is what CI runs (.ci/run). Extra arguments go to Maven, e.g. ./test.sh -Dit.test=ServiceProviderConfigIT
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-prerequisites.sh
mvn -B --no-transfer-progress verify "$@"
