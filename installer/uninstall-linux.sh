#!/bin/sh
# Removes the program, menu entry and icon; keeps the study data and its backups.
set -eu
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
rm -rf "$DATA/nclm-desktop"
rm -f "$DATA/applications/nclm-desktop.desktop" "$DATA/icons/hicolor/scalable/apps/nclm-desktop.svg"
echo "NCLM Desktop removed; the study data in \"$DATA/NCLM Desktop\" was kept."
