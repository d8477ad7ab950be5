"""Linux bundle: replace Qt's 32 MB ICU data library by one holding only what the application
can ask of it (installer/README.md, "Size").

Qt links ICU (libicuuc, libicui18n → libicudata) but uses it for little: case mapping and
collation of the interface's locale, and character conversions nobody asks for (Python reads
the import's files). Its data library carries every locale of CLDR (names of languages,
regions, currencies, units and time zones in 800 locales), transliterators, break iterators
with their word dictionaries and 200 legacy character sets. This keeps the data those calls
read (properties, case mapping, normalisation, collation, time-zone rules and names, plural
rules ...) for the root, English and Chinese only, and the GB 18030 converter; the package is
rebuilt with ICU's own `icupkg` and linked into a library of the same name and symbol with
binutils (as, ld).

Needs `icupkg` (Debian/Ubuntu: icu-devtools) and binutils; the spec skips this step without
them.
Run: python installer/trim_icu.py PATH/TO/libicudata.so.NN (rewrites it in place).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LANGUAGES = ("root", "en", "zh")  # the application's languages and ICU's fallback
# Resource files named like a locale that are not one (the supplemental data of every tree).
NOT_LOCALES = {
    "pool", "res_index", "supplementalData", "metadata", "icustd", "icuver", "keyTypeData",
    "likelySubtags", "metaZones", "numberingSystems", "pluralRanges", "plurals", "dayPeriods",
    "genderList", "grammaticalFeatures", "langInfo", "timezoneTypes", "windowsZones",
    "zoneinfo64", "units", "currencyNumericCodes", "tzdbNames",
}  # fmt: skip
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")  # de__PHONEBOOK too
KEPT_CONVERTERS = ("gb18030.cnv",)  # Qt's own UTF and Latin-1 codecs need no ICU table
# Whole trees (and one file) that none of the ICU functions Qt calls reads: Qt Core imports
# only case mapping (u_strToUpper/Lower), collation (ucol_*), converters (ucnv_*) and time
# zones (ucal_*); `nm -D --undefined-only libQt6Core.so.6`. Break iterators with their word
# dictionaries (Qt breaks text itself), transliterators, character names, spelled-out
# numbers, and the display names of languages, regions, currencies and units go.
UNUSED_TREES = ("brkitr/", "translit/", "rbnf/", "lang/", "region/", "curr/", "unit/")
UNUSED_ITEMS = ("unames.icu",)


def removed(item: str) -> bool:
    """Whether a package item (``af.res``, ``coll/fr_CA.res``, ``ibm-943_P15A-2003.cnv``)
    is left out."""
    name = item.rsplit("/", 1)[-1]
    if item.startswith(UNUSED_TREES) or item in UNUSED_ITEMS:
        return True
    if name.endswith(".cnv"):
        return name not in KEPT_CONVERTERS
    if not name.endswith(".res"):
        return False
    stem = name[: -len(".res")]
    if stem in NOT_LOCALES or not LOCALE.match(stem):
        return False  # transliterators (Han_Latin), supplemental data
    return stem.split("_")[0] not in KEPT_LANGUAGES


def _symbol_data(library: Path) -> tuple[str, bytes]:
    """The ICU package inside the library: its symbol (icudtNN_dat) and bytes."""
    nm = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    address, size, _, symbol = next(
        line.split() for line in nm.splitlines() if re.search(r"\bicudt\d+_dat$", line)
    )
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], check=True, capture_output=True, text=True
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            base, offset = int(fields[3], 16), int(fields[4], 16)
            start = int(address, 16) - base + offset
            return symbol, library.read_bytes()[start : start + int(size, 16)]
    raise RuntimeError(f"{library}: no .rodata section")


def trim(library: Path) -> None:
    symbol, data = _symbol_data(library)
    with tempfile.TemporaryDirectory(prefix="nclm-icu-") as tmp:
        work = Path(tmp)
        package = work / f"{symbol[: -len('_dat')]}l.dat"
        package.write_bytes(data)
        items = subprocess.run(
            ["icupkg", "-l", str(package)], check=True, capture_output=True, text=True
        ).stdout.split()
        dropped = {item for item in items if removed(item)}
        (work / "out").mkdir()
        smaller = work / "out" / package.name  # icupkg names the items after the file
        while True:  # a kept item's parent in another language (zh_Hant_HK → yue) stays
            (work / "removed.txt").write_text("\n".join(sorted(dropped)) + "\n")
            done = subprocess.run(
                ["icupkg", "-r", str(work / "removed.txt"), str(package), str(smaller)],
                capture_output=True, text=True,
            )  # fmt: skip
            needed = set(re.findall(r"depends on missing item (\S+)", done.stderr)) & dropped
            if done.returncode == 0 or not needed:
                break
            dropped -= needed
        if done.returncode != 0:
            raise RuntimeError(f"icupkg: {done.stderr[-2000:]}")
        # The same exported symbol, 16-byte aligned as ICU requires, in read-only data.
        (work / "data.S").write_text(
            f".section .rodata\n.balign 16\n.globl {symbol}\n.type {symbol}, @object\n"
            f'{symbol}:\n.incbin "{smaller}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        out = work / library.name
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.S")], check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname(library), "-o", str(out), str(work / "data.o")],
            check=True,
        )
        shutil.copyfile(out, library)


def soname(library: Path) -> str:
    dynamic = subprocess.run(
        ["readelf", "-d", str(library)], check=True, capture_output=True, text=True
    ).stdout
    found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", dynamic)
    return found.group(1) if found else library.name


def available() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "as", "ld", "nm", "readelf"))


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        trim(Path(arg))
