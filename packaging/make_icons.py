"""Render resources/triage.svg into the hicolor PNG sizes with Qt's SVG renderer.

Run from the repository root (or anywhere): `.venv/bin/python packaging/make_icons.py`.
Writes `resources/icons/hicolor/NxN/apps/io.github.triage.Triage.png` for each size in SIZES
and copies the SVG master to `resources/icons/hicolor/scalable/apps/`. The PNGs are committed,
so a build never needs this script; rerun it after editing the SVG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

APP_ID = "io.github.triage.Triage"
SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)
REPO_ROOT = Path(__file__).resolve().parents[1]
SVG_MASTER = REPO_ROOT / "resources" / "triage.svg"
ICON_ROOT = REPO_ROOT / "resources" / "icons" / "hicolor"


def render_png(svg: Path, size: int, target: Path) -> None:
    """Render `svg` into a transparent `size`x`size` PNG at `target`."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")


def make_icons(svg: Path = SVG_MASTER, root: Path = ICON_ROOT, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write every PNG size and the scalable copy; returns the files written."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    written: list[Path] = []
    for size in sizes:
        target = root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render_png(svg, size, target)
        written.append(target)
    scalable = root / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG_MASTER, help="the SVG master")
    parser.add_argument("--out", type=Path, default=ICON_ROOT, help="the hicolor folder to fill")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in make_icons(args.svg, args.out):
        print(path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
