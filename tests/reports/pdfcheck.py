"""Reading PDFs back with poppler-utils (pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdf_text(path: Path, layout: bool = False) -> str:
    args = [_tool("pdftotext"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    return subprocess.run(
        [*args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with runs of whitespace (line breaks of wrapped cells) as one space."""
    return [" ".join(page.split()) for page in pdf_text(path).split("\f")[:-1]]


def flat_text(path: Path) -> str:
    return "\f".join(pdf_pages(path))


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with name, type, emb, sub, uni."""
    out = subprocess.run(
        [_tool("pdffonts"), str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type [type words] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "the PDF uses no font at all"
    for f in fonts:
        assert f["emb"] == "yes", f"font {f['name']} is not embedded"
        assert "WenQuanYi" in f["name"], f"unexpected font {f['name']}"


def render_page(path: Path, name: str, page: int = 1) -> Path:
    """Page ``page`` as a PNG beside the PDF (or in $NCLM_SHOTS, to look at), returned for
    size checks."""
    shots = Path(os.environ.get("NCLM_SHOTS") or path.parent)
    shots.mkdir(parents=True, exist_ok=True)
    stem = shots / name
    subprocess.run(
        [
            _tool("pdftoppm"),
            "-png",
            "-r",
            "70",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png")
