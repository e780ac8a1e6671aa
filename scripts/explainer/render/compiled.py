"""Compiled templates kept in memory by whoever builds again (the plugin, across `mkdocs serve` rebuilds and
the language editions of one build): compiling the two dozen templates costs about 0.3 s a build. Jinja checks
each template's source checksum, so an edited template is compiled again."""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
