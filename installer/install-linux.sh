#!/bin/sh
# Per-user install of the unpacked NCLM Desktop folder: the program goes to
# ~/.local/share/nclm-desktop/app, a menu entry and icon into ~/.local/share. The study data
# (~/.local/share/NCLM Desktop) is never touched; uninstall-linux.sh leaves it too.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APP="$DATA/nclm-desktop/app"
rm -rf "$APP.new" && mkdir -p "$APP.new" && cp -a "$HERE/nclm-desktop/." "$APP.new/"
rm -rf "$APP" && mv "$APP.new" "$APP"
mkdir -p "$DATA/applications" "$DATA/icons/hicolor/scalable/apps"
cp "$HERE/nclm-desktop.svg" "$DATA/icons/hicolor/scalable/apps/nclm-desktop.svg"
sed "s|@BIN@|\"$APP/nclm-desktop\"|" "$HERE/nclm-desktop.desktop" \
    > "$DATA/applications/nclm-desktop.desktop"
cp "$HERE/uninstall-linux.sh" "$DATA/nclm-desktop/uninstall.sh"
echo "Installed: $APP/nclm-desktop (menu: NCLM Desktop). Uninstall: $DATA/nclm-desktop/uninstall.sh"
