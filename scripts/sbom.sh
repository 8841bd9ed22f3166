#!/usr/bin/env bash
# `npm run sbom`: CycloneDX SBOMs (JSON, spec 1.6) of what is shipped, into sbom/:
#   sbom/mops-flow.cdx.json   — the app's production npm dependencies (@cyclonedx/cyclonedx-npm, from the lock file)
#   sbom/engine-host.cdx.json — the engine host's Maven compile+runtime dependencies (cyclonedx-maven-plugin)
# The Maven plugin is resolved once into ~/.m2; afterwards this runs offline in ~15 s.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p sbom
npx --no-install cyclonedx-npm --omit dev --package-lock-only --output-format JSON \
  --output-file sbom/mops-flow.cdx.json
mvn -B -q -Dstyle.color=never -f engine-host/pom.xml "org.cyclonedx:cyclonedx-maven-plugin:2.9.3:makeBom" \
  -Dmops.build.dir="$PWD/sbom" -DoutputFormat=json -DoutputName=engine-host.cdx \
  -DincludeTestScope=false -DincludeProvidedScope=false -DincludeSystemScope=false
for f in sbom/mops-flow.cdx.json sbom/engine-host.cdx.json; do
  echo "$f: $(wc -c <"$f") B, $(node -e "console.log(require('./$f').components.length)") komponentów"
done
