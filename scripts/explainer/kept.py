"""What an earlier build made, kept by whoever builds again (the plugin, across `mkdocs serve` rebuilds): maps,
border lengths, pages and calendar entries are made again only when something they are made from changed.

Each is kept under a key that holds everything it is made from (`digest`), never under a time. What an
edition's build used is kept until that edition's next build; the rest is let go."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

T = TypeVar("T")


def digest(*parts: Any) -> str | None:
    """A digest of `parts`, written whole with pickle (which writes each value with its type: a translated and
    an untranslated text of the same words differ); None when something in them cannot be written so.

    Pickle's fast mode writes every value out in full, never "the object written above": so equal values give
    the same digest whichever objects they share (a model made again around an unchanged event shares its
    texts differently), and a value holding itself cannot be written (None)."""
    data = io.BytesIO()
    writer = pickle.Pickler(data, protocol=5)
    writer.fast = True
    try:
        writer.dump(parts)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(data.getbuffer()).hexdigest()


class Kept:
    """Things made by earlier builds, per edition, each under the key of what it was made from."""

    def __init__(self) -> None:
        self._last: dict[str, dict[Hashable, Any]] = {}  # edition -> what its last build made or used
        self._now: dict[str, dict[Hashable, Any]] = {}
        self._shapes: dict[int, tuple[object, str]] = {}  # this build: each large value's digest, by its id
        self._records: dict[str, dict[int, tuple[object, str | None]]] = {}  # edition -> id -> record, digest
        self._old_records: dict[str, dict[int, tuple[object, str | None]]] = {}  # its last build's
        self._edition = ""

    def begin(self, edition: str) -> None:
        """A build of `edition` starts: what it makes is kept in that edition's store."""
        self._last[edition], self._now[edition], self._shapes = self._now.get(edition, {}), {}, {}
        self._old_records[edition], self._records[edition] = self._records.get(edition, {}), {}
        self._edition = edition

    def shape(self, value: object) -> str:
        """A digest of a large value (a map's geometry), computed once a build (hashing it whole for every
        map would cost more)."""
        if (known := self._shapes.get(id(value))) is None or known[0] is not value:
            text = hashlib.blake2b(repr(value).encode(), digest_size=20).hexdigest()
            known = self._shapes[id(value)] = (value, text)
        return known[1]

    def of(self, record: object, make: Callable[[], str | None] | None = None) -> str | None:
        """The digest of a record that many things are made from (an event: its page, its list items, its
        entries in the data files), as `make()` makes it (by default, `digest`); None if it cannot be written
        whole. Made once while the record is the very same object: so `record` must never change (a frozen
        record of frozen parts; the model's records are made again only from a changed file, `Same`)."""
        now = self._records.setdefault(self._edition, {})
        known = now.get(id(record)) or self._old_records.get(self._edition, {}).get(id(record))
        if known is None or known[0] is not record:
            known = (record, make() if make else digest(record))
        now[id(record)] = known
        return known[1]

    def piece(self, what: str, record: object, make: Callable[[], T], *also: Any) -> T:
        """What `make()` makes of `record` (and of `also`, anything else it reads), or what an earlier build
        made of the same: an event's entry in a data file is made again only when the event changed."""
        made = self.of(record)
        key = digest(what, made, *also) if made else None
        return make() if key is None else cast(T, self.get(key, make))

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """What `make()` makes, or what an earlier build made under the same key."""
        now, last = self._now.setdefault(self._edition, {}), self._last.get(self._edition, {})
        now[key] = found = now[key] if key in now else last[key] if key in last else make()
        return found


class Same:
    """What the model made of records that are the very same objects as at the last build (a YAML file's checked
    record, which the load cache keeps while the file is unchanged): an unchanged file's event is then the same
    object build after build, and whatever is kept under its digest is found at once (`Kept.of`)."""

    def __init__(self) -> None:
        self._last: dict[int, tuple[object, Hashable, Any]] = {}  # id -> record, what else it was made from, made
        self._now: dict[int, tuple[object, Hashable, Any]] = {}

    def begin(self) -> None:
        """A model is to be made: what the last one did not use is let go after this one."""
        self._last, self._now = self._now or self._last, {}

    def get(self, record: object, also: Hashable, make: Callable[[], T]) -> T:
        """What `make()` makes of `record` and `also` (anything else it reads, such as a quote's checked mark),
        or what the last model made of the very same record and the same `also`."""
        known = self._now.get(id(record)) or self._last.get(id(record))
        if known is None or known[0] is not record or known[1] != also:
            known = (record, also, make())
        self._now[id(record)] = known
        return cast(T, known[2])
