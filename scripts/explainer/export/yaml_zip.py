"""The editors' YAML files themselves, as one zip: sorted entries and fixed timestamps, so the same
files always give the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping

FIXED = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


def timestamp(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    if epoch is None:
        return FIXED
    t = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.UTC)  # not before 1980
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)


def zip_files(files: Mapping[str, bytes], epoch: int | None = None) -> bytes:
    """The zip of `files` (name in the zip -> content), sorted, every entry stamped with `epoch`'s time (or
    1980)."""
    buffer = io.BytesIO()
    when = timestamp(epoch)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files.items()):
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the permissions above mean the same everywhere
            archive.writestr(info, content)
    return buffer.getvalue()
