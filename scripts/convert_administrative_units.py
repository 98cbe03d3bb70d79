#!/usr/bin/env python3
"""Generate the administrative-units seed file for Một Cửa.

What it does
------------
Reads Vietnam's administrative units *after the 2025-07-01 reform* (two tiers:
34 provinces / centrally-run cities, and about 3,300 communes / wards / special
zones; districts no longer exist) from the PyPI package ``vietnam-provinces``
(its public API ``Province.iter_all()`` / ``Ward.iter_all()``, which since
version 2025.8 carries only the post-reform data set, with General Statistics
Office codes) and writes ``server/seed/administrative_units.json``::

    {
      "source": "vietnam-provinces <version> (PyPI)",
      "effective_date": "2025-07-01",
      "provinces": [{"code":"01","name":"Thành phố Hà Nội","short_name":"Hà Nội",
                     "kind":"thanh_pho_truc_thuoc_trung_uong"}, ...],
      "communes":  [{"code":"00004","name":"Phường Ba Đình","kind":"phuong",
                     "province_code":"01"}, ...]
    }

* codes are the GSO codes, zero-padded (2 digits for provinces, 5 for
  communes); both lists are sorted by code;
* ``kind`` is one of ``tinh``, ``thanh_pho_truc_thuoc_trung_uong``, ``xa``,
  ``phuong``, ``dac_khu`` (the data set calls the city type "thành phố trung
  ương"; the slug uses the official term "thành phố trực thuộc trung ương");
* ``name`` is the full name with its type prefix ("Tỉnh Quảng Ninh",
  "Phường Ba Đình", "Đặc khu Cô Tô"); provinces also get ``short_name``
  (without the prefix). The package gives tỉnh names without "Tỉnh", so that
  prefix is added here;
* every string is Unicode NFC and runs of whitespace are collapsed to one
  space (the package has a few names with a double space, e.g. "Xã  Phú Hữu");
  no other spelling is changed;
* the output is deterministic: UTF-8 (``ensure_ascii=False``), one unit per
  line, no timestamps, trailing newline.

The script refuses to run if the installed package version differs from the
pin in ``scripts/requirements-data.txt``, and checks the result (exactly 34
provinces, a plausible commune count, unique codes, every commune's province
exists, every province has communes) before writing anything.

How to run (from the repository root, Python 3.11)
--------------------------------------------------
    pip install -r scripts/requirements-data.txt && python3 scripts/convert_administrative_units.py

Options: ``--output PATH`` to write elsewhere; ``--check`` to only verify that
the committed file is up to date (exit status 1 if it is not), e.g. in CI.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from importlib.metadata import version as dist_version
from pathlib import Path

from vietnam_provinces import Province, VietNamDivisionType, Ward

PACKAGE = "vietnam-provinces"
EFFECTIVE_DATE = "2025-07-01"
EXPECTED_PROVINCES = 34
# The reform created 3,321 commune-level units; allow some slack for later
# corrections in the data set while still catching a wrong/partial data set.
PLAUSIBLE_COMMUNES = range(3000, 3601)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "server" / "seed" / "administrative_units.json"
REQUIREMENTS = REPO_ROOT / "scripts" / "requirements-data.txt"

# Data-set division type -> (kind slug, official name prefix).
PROVINCE_KINDS = {
    VietNamDivisionType.TINH: ("tinh", "Tỉnh"),
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: ("thanh_pho_truc_thuoc_trung_uong", "Thành phố"),
}
COMMUNE_KINDS = {
    VietNamDivisionType.XA: ("xa", "Xã"),
    VietNamDivisionType.PHUONG: ("phuong", "Phường"),
    VietNamDivisionType.DAC_KHU: ("dac_khu", "Đặc khu"),
}


def clean(text: str) -> str:
    """NFC-normalise and collapse whitespace runs to a single space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def pinned_version() -> str:
    pattern = re.compile(rf"^\s*{re.escape(PACKAGE)}\s*==\s*([^\s;#]+)", re.IGNORECASE)
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        if m := pattern.match(line):
            return m.group(1)
    sys.exit(f"error: no '{PACKAGE}==<version>' pin found in {REQUIREMENTS}")


def convert_province(p: Province) -> dict[str, str]:
    try:
        kind, prefix = PROVINCE_KINDS[p.division_type]
    except KeyError:
        raise ValueError(f"province {p.code}: unknown division type {p.division_type!r}") from None
    name = clean(p.name)
    short = name[len(prefix) + 1 :] if name.startswith(prefix + " ") else name
    if not short:
        raise ValueError(f"province {p.code}: empty name {p.name!r}")
    return {
        "code": f"{int(p.code):02d}",
        "name": f"{prefix} {short}",
        "short_name": short,
        "kind": kind,
    }


def convert_commune(w: Ward) -> dict[str, str]:
    try:
        kind, prefix = COMMUNE_KINDS[w.division_type]
    except KeyError:
        raise ValueError(f"commune {w.code}: unknown division type {w.division_type!r}") from None
    name = clean(w.name)
    if not name.startswith(prefix + " ") or len(name) == len(prefix) + 1:
        raise ValueError(f"commune {w.code}: name {w.name!r} does not start with {prefix!r}")
    return {
        "code": f"{int(w.code):05d}",
        "name": name,
        "kind": kind,
        "province_code": f"{int(w.province_code):02d}",
    }


def build(package_version: str) -> dict:
    provinces = sorted((convert_province(p) for p in Province.iter_all()), key=lambda u: int(u["code"]))
    communes = sorted((convert_commune(w) for w in Ward.iter_all()), key=lambda u: int(u["code"]))
    return {
        "source": f"{PACKAGE} {package_version} (PyPI)",
        "effective_date": EFFECTIVE_DATE,
        "provinces": provinces,
        "communes": communes,
    }


def validate(data: dict) -> None:
    provinces, communes = data["provinces"], data["communes"]
    errors = []
    if len(provinces) != EXPECTED_PROVINCES:
        errors.append(f"expected {EXPECTED_PROVINCES} provinces, got {len(provinces)}")
    if len(communes) not in PLAUSIBLE_COMMUNES:
        errors.append(f"implausible commune count {len(communes)}")
    province_codes = [p["code"] for p in provinces]
    commune_codes = [c["code"] for c in communes]
    if len(set(province_codes)) != len(province_codes):
        errors.append("duplicate province codes")
    if len(set(commune_codes)) != len(commune_codes):
        errors.append("duplicate commune codes")
    known = set(province_codes)
    orphans = [c["code"] for c in communes if c["province_code"] not in known]
    if orphans:
        errors.append(f"communes with unknown province: {orphans[:10]}")
    used = {c["province_code"] for c in communes}
    empty = sorted(known - used)
    if empty:
        errors.append(f"provinces without communes: {empty}")
    if errors:
        sys.exit("error: validation failed:\n  " + "\n  ".join(errors))


def render(data: dict) -> str:
    def unit(u: dict) -> str:
        return json.dumps(u, ensure_ascii=False, separators=(",", ":"))

    def block(units: list[dict]) -> str:
        return "[\n" + ",\n".join(unit(u) for u in units) + "\n]"

    dump = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    text = (
        "{\n"
        f'"source":{dump(data["source"])},\n'
        f'"effective_date":{dump(data["effective_date"])},\n'
        f'"provinces":{block(data["provinces"])},\n'
        f'"communes":{block(data["communes"])}\n'
        "}\n"
    )
    assert json.loads(text) == data  # the hand-assembled layout is valid JSON
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"default: {DEFAULT_OUTPUT}")
    parser.add_argument("--check", action="store_true", help="only verify that the output file is up to date")
    args = parser.parse_args()

    installed, pinned = dist_version(PACKAGE), pinned_version()
    if installed != pinned:
        sys.exit(
            f"error: {PACKAGE} {installed} is installed but {REQUIREMENTS.name} pins {pinned}; "
            f"run `pip install -r scripts/requirements-data.txt` (or bump the pin on purpose)"
        )

    data = build(installed)
    validate(data)
    text = render(data)

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            sys.exit(f"error: {args.output} is out of date; re-run {Path(__file__).name}")
        print(f"{args.output} is up to date")
        return

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    counts: dict[str, int] = {}
    for c in data["communes"]:
        counts[c["kind"]] = counts.get(c["kind"], 0) + 1
    print(
        f"wrote {args.output} ({len(text.encode('utf-8')):,} bytes): "
        f"{len(data['provinces'])} provinces, {len(data['communes'])} communes {counts} "
        f"from {data['source']}"
    )


if __name__ == "__main__":
    main()
