"""The editors' YAML files themselves, as one zip: sorted entries and fixed timestamps, so the same
files always give the same bytes."""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

from ..schema import KINDS

FIXED = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


def yaml_files(docs: Path) -> list[tuple[str, Path]]:
    """(name in the zip, file) of every kind's YAML file, sorted."""
    found = []
    for kind in KINDS:
        try:
            entries = list(os.scandir(docs / kind.name))
        except (FileNotFoundError, NotADirectoryError):
            continue
        found += [(f"docs/{kind.name}/{e.name}", Path(e.path)) for e in entries
                  if e.name.endswith(".yml") and not e.name.startswith(".") and e.is_file()]
    return sorted(found)


def timestamp(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    if epoch is None:
        return FIXED
    t = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.timezone.utc)  # not before 1980
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)


def zip_files(files: list[tuple[str, Path]], epoch: int | None = None) -> bytes:
    """The zip of `files` (yaml_files), every entry stamped with `epoch`'s time (or 1980)."""
    buffer = io.BytesIO()
    when = timestamp(epoch)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the permissions above mean the same everywhere
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
