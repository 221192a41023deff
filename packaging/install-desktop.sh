#!/usr/bin/env bash
# Register Triage with the desktop for the current user: the .desktop file (so "Open with" offers
# Triage for HTML, MHTML and text files), the hicolor icons and the AppStream metainfo, all under
# ${XDG_DATA_HOME:-~/.local/share}. Optionally links a built app into ~/.local/bin so that
# `Exec=triage-app %F` finds it.
#
#   packaging/install-desktop.sh                      # desktop file, icons, metainfo
#   packaging/install-desktop.sh --app dist/triage-app  # ... and link dist/triage-app/triage-app
#   packaging/install-desktop.sh --uninstall          # remove what the script installed
set -euo pipefail

APP_ID="io.github.triage.Triage"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
RESOURCES="$ROOT/resources"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN_HOME="${XDG_BIN_HOME:-$HOME/.local/bin}"
APP_DIR=""
UNINSTALL=0

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --app) APP_DIR="${2:?--app needs the built app folder}"; shift 2 ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install-desktop.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true
    fi
}

if [ "$UNINSTALL" = 1 ]; then
    rm -f "$DATA_HOME/applications/$APP_ID.desktop" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
    find "$DATA_HOME/icons/hicolor" -name "$APP_ID.png" -delete 2>/dev/null || true
    find "$DATA_HOME/icons/hicolor" -name "$APP_ID.svg" -delete 2>/dev/null || true
    if [ -L "$BIN_HOME/triage-app" ]; then rm -f "$BIN_HOME/triage-app"; fi
    refresh_caches
    echo "Removed Triage's desktop integration from $DATA_HOME"
    exit 0
fi

install -D -m 0644 "$RESOURCES/$APP_ID.desktop" "$DATA_HOME/applications/$APP_ID.desktop"
install -D -m 0644 "$RESOURCES/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
count=0
for icon in "$RESOURCES"/icons/hicolor/*/apps/"$APP_ID".*; do
    rel="${icon#"$RESOURCES"/icons/}"
    install -D -m 0644 "$icon" "$DATA_HOME/icons/$rel"
    count=$((count + 1))
done

if [ -n "$APP_DIR" ]; then
    exe="$(cd "$APP_DIR" && pwd)/triage-app"
    if [ ! -x "$exe" ]; then
        echo "install-desktop.sh: $exe is not an executable (build it with packaging/build.sh)" >&2
        exit 1
    fi
    mkdir -p "$BIN_HOME"
    ln -sfn "$exe" "$BIN_HOME/triage-app"
    echo "Linked $BIN_HOME/triage-app -> $exe"
fi

refresh_caches
echo "Installed $APP_ID.desktop, $count icons and the metainfo under $DATA_HOME"
if ! command -v triage-app >/dev/null 2>&1; then
    if [ -n "$APP_DIR" ]; then
        echo "Note: $BIN_HOME is not on PATH; add it so that the desktop finds triage-app." >&2
    else
        echo "Note: triage-app is not on PATH; use --app dist/triage-app or add its folder to PATH." >&2
    fi
fi
