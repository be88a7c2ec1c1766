#!/usr/bin/env bash
# Builds the API's distribution from the two Quarkus builds of the same code (target/quarkus-app for
# H2, target/quarkus-app-postgresql for PostgreSQL: Quarkus fixes the database kind at build time):
#   target/offloadctl-api/               bin/offloadctl-api (picks the build from the configured
#                                        database URL), h2/ and postgresql/ (each build's own classes
#                                        and Quarkus metadata), lib/ (the dependencies, identical in
#                                        both builds, once)
#   target/offloadctl-api-VERSION.tar.gz the same, under offloadctl-api-VERSION/
# Usage: make-dist.sh TARGET_DIR VERSION
set -euo pipefail
target=$1
version=$2
here=$(dirname "$0")
dist=$target/offloadctl-api

if ! diff -rq "$target/quarkus-app/lib" "$target/quarkus-app-postgresql/lib" >/dev/null; then
  echo "make-dist: the H2 and PostgreSQL builds have different dependencies; they cannot share lib/:" >&2
  diff -rq "$target/quarkus-app/lib" "$target/quarkus-app-postgresql/lib" >&2 || true
  exit 1
fi
rm -rf "$dist"
mkdir -p "$dist/bin"
cp -r "$target/quarkus-app/lib" "$dist/lib"
for kind in h2 postgresql; do
  build=$target/quarkus-app
  [ "$kind" = postgresql ] && build=$target/quarkus-app-postgresql
  mkdir "$dist/$kind"
  cp -r "$build/app" "$build/quarkus" "$build/quarkus-run.jar" "$dist/$kind/"
  # quarkus-run.jar finds its dependencies under lib/ beside it.
  ln -s ../lib "$dist/$kind/lib"
done
install -m 0755 "$here/offloadctl-api" "$dist/bin/offloadctl-api"
tar -czf "$target/offloadctl-api-$version.tar.gz" -C "$target" --transform "s|^offloadctl-api|offloadctl-api-$version|" offloadctl-api
