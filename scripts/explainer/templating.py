"""Jinja's compiled templates kept between runs, as Python keeps .pyc files: compiling our two dozen
templates costs about 0.1 s, on every build. Jinja checks each template's source checksum, so an edited
template is compiled again. The cache lives in the system's temporary folder (Jinja's default, private to
the user); where that cannot be written, templates are simply compiled each time."""
from __future__ import annotations

import jinja2


class _Cache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a read-only or full disk: the template still renders, compiled in memory
            pass


def bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return _Cache()
    except (OSError, RuntimeError):  # no private temporary folder: compile every time
        return None


BYTECODE_CACHE = bytecode_cache()
