#!/usr/bin/env bash
# The one test command: installs what the tests need on a fresh Debian machine, restores the
# NuGet packages, builds the solution once and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: CJK fonts (charts and the map render Chinese), fontconfig for SkiaSharp,
# Chromium, which the browser tests drive headless through Playwright (/usr/bin/chromium), and
# PostgreSQL, the store of cluster mode, which the tests and the benchmarks' peer baseline run for real.
need=()
for pkg in fonts-noto-cjk libfontconfig1 chromium postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ((${#need[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing Debian packages: ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# One PostgreSQL server for every test project, in a temporary directory on a loopback port.
source scripts/postgres.sh
start_test_postgres
trap stop_test_postgres EXIT

dotnet --info >/dev/null
dotnet restore CityScreen.sln
dotnet build CityScreen.sln --no-restore -c Release
# A hung test fails after 10 minutes (with a dump of where it hung) instead of stalling the run.
# One test project at a time (-m:1): on two cores the browser, cluster and PostgreSQL projects
# running side by side starved each other's bounded waits.
dotnet test CityScreen.sln --no-build -c Release -m:1 --blame-hang-timeout 10m "$@"
# Publish, install, start, back up under load and restore, as docs/operations.md tells an operator.
bash scripts/install-check.sh --no-build
# The benchmarks' smoke run: every scenario with tiny counts; it fails only when one errs or gives no numbers.
dotnet run -c Release --no-build --project tests/CityScreen.Benchmarks -- all --quick
# Bounded recovery on a small history: a restart from checkpoints must become ready and show the
# city a full replay shows; it fails when it does not.
dotnet run -c Release --no-build --project tests/CityScreen.Benchmarks -- recovery --quick
