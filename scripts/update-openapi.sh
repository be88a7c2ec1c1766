#!/usr/bin/env bash
# After a deliberate change of the API's contract: serve it once (the contract test writes what
# the API serves to api/target/openapi-served.yaml) and commit that as openapi/offloadctl.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
./mvnw -B -q test -pl model,api -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 || true
cp api/target/openapi-served.yaml openapi/offloadctl.yaml
git --no-pager diff --stat -- openapi/offloadctl.yaml
