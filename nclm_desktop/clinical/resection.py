"""Names of liver resections from the Couinaud segments removed (Brisbane 2000 terminology)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .protocol import Protocol, load_protocol
from .validation import require_bool, require_int


@dataclass(frozen=True)
class Resection:
    name: str
    name_zh: str
    major: bool
    segment_count: int
    segments: tuple[int, ...]  # sorted, without duplicates
    anatomical: bool = True


# Strasberg SM et al. The Brisbane 2000 terminology of liver anatomy and resections.
# HPB 2000;2:333-9. Segment 1 (caudate) is not part of these sets; see _CAUDATE below.
_NAMED: dict[frozenset[int], tuple[str, str]] = {
    frozenset({5, 6, 7, 8}): ("right hemihepatectomy", "右半肝切除术"),
    frozenset({2, 3, 4}): ("left hemihepatectomy", "左半肝切除术"),
    frozenset({5, 8}): ("right anterior sectionectomy", "右前叶切除术"),
    frozenset({6, 7}): ("right posterior sectionectomy", "右后叶切除术"),
    frozenset({2, 3}): ("left lateral sectionectomy", "左外叶切除术"),
    frozenset({4}): ("left medial sectionectomy / segmentectomy 4", "左内叶切除术（S4）"),
    frozenset({4, 5, 6, 7, 8}): ("right trisectionectomy", "右三叶切除术"),
    frozenset({2, 3, 4, 5, 8}): ("left trisectionectomy", "左三叶切除术"),
}
_CAUDATE = 1


def _list_en(segments: Iterable[int]) -> str:
    return ", ".join(str(s) for s in segments)


def _list_zh(segments: Iterable[int]) -> str:
    return "、".join(f"S{s}" for s in segments)


def _segments(segments: Iterable[int]) -> tuple[int, ...]:
    if isinstance(segments, str | bytes) or not isinstance(segments, Iterable):
        raise ValueError(f"segments must be a list of segment numbers 1 to 8 (got {segments!r})")
    checked = {require_int("segments", s, ge=1, le=8) for s in segments}
    if not checked:
        raise ValueError("segments must name at least one segment 1 to 8 (got none)")
    return tuple(sorted(checked))


def _anatomical_name(segs: tuple[int, ...]) -> tuple[str, str]:
    key = frozenset(segs)
    if key in _NAMED:
        return _NAMED[key]
    if len(segs) == 1:
        s = segs[0]
        if s == _CAUDATE:
            return "caudate lobectomy / segmentectomy 1", "尾状叶切除术（S1）"
        return f"segmentectomy {s}", f"肝段切除术（S{s}）"
    # A named multi-segment resection extended to the caudate keeps its name + "segment 1"
    # (Brisbane 2000 writes hemihepatectomies and trisectionectomies "± segment 1").
    rest = key - {_CAUDATE}
    if _CAUDATE in key and len(rest) > 1 and rest in _NAMED:
        en, zh = _NAMED[rest]
        return f"{en} + segment 1", f"{zh} + 尾状叶（S1）"
    if len(segs) == 2:
        return (
            f"bisegmentectomy {','.join(str(s) for s in segs)}",
            f"双肝段切除术（{_list_zh(segs)}）",
        )
    return f"multisegmentectomy (segments {_list_en(segs)})", f"多肝段切除术（{_list_zh(segs)}）"


def resection(
    segments: Iterable[int], anatomical: bool = True, protocol: Protocol | None = None
) -> Resection:
    """Name a liver resection from its Couinaud segments (Strasberg / Brisbane 2000).

    ``anatomical`` is the surgeon's statement, not derived from the segments; a
    non-anatomical resection is named "non-anatomical resection (wedge) of segment(s) ...".
    Major or minor is by segment count either way: major when at least the protocol's
    ``resection.major_min_segments`` (3) segments are removed.
    """
    segs = _segments(segments)
    require_bool("anatomical", anatomical)
    protocol = protocol or load_protocol()
    if anatomical:
        name, name_zh = _anatomical_name(segs)
    else:
        word = "segment" if len(segs) == 1 else "segments"
        name = f"non-anatomical resection (wedge) of {word} {_list_en(segs)}"
        name_zh = f"非解剖性（楔形）肝切除术（{_list_zh(segs)}）"
    return Resection(
        name=name,
        name_zh=name_zh,
        major=len(segs) >= protocol.resection.major_min_segments,
        segment_count=len(segs),
        segments=segs,
        anatomical=anatomical,
    )
