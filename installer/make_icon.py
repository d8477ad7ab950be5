"""Render the application icon (nclm_desktop/resources/icons/nclm-desktop.svg) into the
files installers want: ``make_icon.py OUT.ico`` or ``make_icon.py OUT.png`` (256 px)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SVG = Path(__file__).resolve().parents[1] / "nclm_desktop" / "resources" / "icons" / "nclm-desktop.svg"


def main(out: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    if not image.save(str(out)):
        print(f"error: cannot write {out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
