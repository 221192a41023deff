#!/usr/bin/env bash
# Build the one-folder Linux app into dist/triage-app/ with PyInstaller, then run the built app's
# `self-test` with the network unavailable and print the folder size and the self-test time.
#
#   packaging/build.sh               # build (installing PyInstaller into the venv if missing) + self-test
#   packaging/build.sh --test-only   # only run the self-test of an existing dist/triage-app
#
# Environment: VENV (default .venv in the repository) is the Python environment to build from.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
DIST="$ROOT/dist"
APP="$DIST/triage-app"
BUILD_ONLY_TEST=0

case "${1:-}" in
    --test-only) BUILD_ONLY_TEST=1 ;;
    "") ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
esac

cd "$ROOT"

if [ "$BUILD_ONLY_TEST" = 0 ]; then
    if [ ! -x "$PY" ]; then
        echo "build.sh: no Python at $PY (set VENV to the environment that has Triage installed)" >&2
        exit 1
    fi
    if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
        echo "== installing PyInstaller into $VENV"
        "$PY" -m pip install --quiet "pyinstaller>=6.10"
    fi
    echo "== building with PyInstaller $("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)')"
    started=$(date +%s)
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" "$HERE/triage.spec"
    echo "== built $APP in $(( $(date +%s) - started )) s"
fi

if [ ! -x "$APP/triage-app" ]; then
    echo "build.sh: $APP/triage-app does not exist; build first" >&2
    exit 1
fi

# Run the app as an analyst's laptop would: no venv on PATH, no PYTHONPATH, a throwaway HOME,
# and no network. `unshare -n` needs root; `unshare -rn` works where user namespaces are allowed.
NETOFF=()
if unshare -n true 2>/dev/null; then
    NETOFF=(unshare -n)
elif unshare -rn true 2>/dev/null; then
    NETOFF=(unshare -rn)
else
    echo "build.sh: cannot create a network namespace here (unshare -n / -rn); refusing to claim an offline test" >&2
    exit 1
fi
interfaces=$("${NETOFF[@]}" sh -c "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\n' ' '")
echo "== network interfaces inside '${NETOFF[*]}': $interfaces"
if [ "$(echo "$interfaces" | tr -d ' ')" != "lo" ]; then
    echo "build.sh: the namespace still has network interfaces: $interfaces" >&2
    exit 1
fi

SANDBOX_HOME="$(mktemp -d)"
trap 'rm -rf "$SANDBOX_HOME"' EXIT
echo "== $APP/triage-app --version: $(env -i PATH=/usr/bin:/bin HOME="$SANDBOX_HOME" "$APP/triage-app" --version)"
echo "== running the self-test offline"
t0=$(date +%s.%N)
set +e
env -i PATH=/usr/bin:/bin HOME="$SANDBOX_HOME" LANG=C.UTF-8 \
    "${NETOFF[@]}" "$APP/triage-app" self-test
status=$?
set -e
t1=$(date +%s.%N)

size_mb=$(du -sm "$APP" | cut -f1)
files=$(find "$APP" -type f | wc -l)
wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
echo "== folder: $APP, ${size_mb} MB on disk, ${files} files"
echo "== self-test wall time (process start to exit, offline): ${wall} s, exit code ${status}"
exit "$status"
