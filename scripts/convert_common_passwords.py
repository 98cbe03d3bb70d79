#!/usr/bin/env python3
"""Generate the common-password list of Một Cửa's password policy.

What it does
------------
Reads the list of 20,000 common passwords that Django ships with its
``CommonPasswordValidator`` (``django/contrib/auth/common-passwords.txt.gz``,
"created by Royce Williams", already unhexed, lower-cased and deduplicated by
Django) straight out of a downloaded Django wheel from PyPI -- Django itself is
neither installed nor imported -- and writes
``app/src/accounts/common_passwords.txt``, which
``app/src/accounts/password/common_passwords.rs`` embeds with ``include_str!``
and searches by binary search:

* one password per line, UTF-8, LF line ends, trailing newline, no header;
* every entry Unicode NFC, lower-cased (Python ``str.lower``), with surrounding
  whitespace stripped; empty lines dropped;
* deduplicated and sorted by Unicode code point (the same order as Rust's
  byte-wise ``str`` ordering, which the binary search relies on);
* entries shorter than 8 characters are dropped only if at least 10,000
  entries would remain (the length rule refuses them anyway); with Django's
  list only about 8,400 entries have 8 characters or more, so all are kept.

The script refuses a wheel of another Django version than ``PINNED_VERSION``
(bump it deliberately, re-run, review the diff, and update
``app/src/accounts/common_passwords.md``), and checks the result (at least
10,000 entries, a few well-known passwords present) before writing anything.

How to run (from the repository root, Python 3.10 or later)
-----------------------------------------------------------
    pip download --no-deps --only-binary=:all: -d /tmp/pw django==5.2.19
    python3 scripts/convert_common_passwords.py /tmp/pw/django-5.2.19-py3-none-any.whl

Options: ``--output PATH`` to write elsewhere; ``--check`` to only verify that
the committed file is up to date (exit status 1 if it is not).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import unicodedata
import zipfile
from email.parser import Parser
from pathlib import Path

PINNED_VERSION = "5.2.19"
LIST_MEMBER = "django/contrib/auth/common-passwords.txt.gz"
MIN_ENTRIES = 10_000
MIN_PASSWORD_CHARS = 8
MUST_CONTAIN = ("password", "12345678", "password1", "iloveyou", "qwerty123")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "app" / "src" / "accounts" / "common_passwords.txt"


def wheel_version(wheel: zipfile.ZipFile) -> str:
    metadata = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    if len(metadata) != 1:
        raise SystemExit("error: the wheel has no single .dist-info/METADATA")
    headers = Parser().parsestr(wheel.read(metadata[0]).decode("utf-8"))
    if headers["Name"].lower() != "django":
        raise SystemExit(f"error: the wheel is {headers['Name']}, not Django")
    return headers["Version"]


def build(wheel_path: Path) -> tuple[str, str]:
    """Returns (file contents, summary line)."""
    with zipfile.ZipFile(wheel_path) as wheel:
        version = wheel_version(wheel)
        if version != PINNED_VERSION:
            raise SystemExit(
                f"error: Django {version} given, {PINNED_VERSION} pinned; "
                "bump PINNED_VERSION deliberately and update common_passwords.md"
            )
        raw = gzip.decompress(wheel.read(LIST_MEMBER)).decode("utf-8")

    entries = {
        unicodedata.normalize("NFC", line).strip().lower()
        for line in raw.splitlines()
    }
    entries.discard("")
    long_enough = {e for e in entries if len(e) >= MIN_PASSWORD_CHARS}
    kept = long_enough if len(long_enough) >= MIN_ENTRIES else entries

    missing = [p for p in MUST_CONTAIN if p not in kept]
    if len(kept) < MIN_ENTRIES or missing:
        raise SystemExit(
            f"error: {len(kept)} entries (need {MIN_ENTRIES}), missing {missing}"
        )

    ordered = sorted(kept)  # code-point order == UTF-8 byte order
    text = "".join(f"{entry}\n" for entry in ordered)
    dropped = "dropped" if kept is long_enough else "kept"
    summary = (
        f"Django {version}: {len(entries)} entries, {len(long_enough)} of "
        f">= {MIN_PASSWORD_CHARS} characters; short entries {dropped}; "
        f"wrote {len(ordered)}"
    )
    return text, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="path to django-*.whl")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--check", action="store_true", help="only verify the committed file"
    )
    args = parser.parse_args()

    text, summary = build(args.wheel)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            print(f"{args.output} is out of date ({summary})", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({summary})")
        return 0

    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
