"""Everything the generator hands MkDocs, pages and data files, rendered in one process or shared out
between two (parallel.py): the pages are the same, byte for byte, in the same order."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from ..model import Explainer
from .meta import PageMeta
from .pages import Options, Page, Renderer, Task, data_files
from .parallel import run_tasks

# The pages that draw overview strips of the events they list, and the small index pages: with them in one
# process and the event pages, timelines and data files in the other, the two take about the same time at
# 1,000 and 10,000 events (scripts/bench), and each renders the list items it needs (fragments.py) once.
OTHER = frozenset({"actors", "places", "glossary", "sources", "timeline", ""})


def shares(tasks: list[Task], workers: int) -> list[list[int]]:
    """The indices of the tasks each process runs: all in one, or split in two by kind of page."""
    other = [i for i, t in enumerate(tasks) if t.kind in OTHER]
    if workers < 2 or not other or len(other) == len(tasks):
        return [list(range(len(tasks)))]
    taken = set(other)
    return [[i for i in range(len(tasks)) if i not in taken], other]


def render_output(model: Explainer, options: Options = Options(), meta: Mapping[str, PageMeta] | None = None,
                  docs: Path | None = None, workers: int = 1) -> tuple[list[Page], list[tuple[str, bytes]]]:
    """The pages, and the data files (pages.data_files), with `workers` > 1 processes if asked."""
    renderer = Renderer(model, options, meta)
    try:
        tasks = [*renderer.tasks(), Task("data", lambda: data_files(model, options, docs))]
        results: list[Any] = run_tasks([t.run for t in tasks], shares(tasks, workers))
    finally:  # the environment's globals hold render-wide caches in a cycle: let them go now, GC or not
        renderer.env.globals.clear()
    return [page for pages in results[:-1] for page in pages], results[-1]
