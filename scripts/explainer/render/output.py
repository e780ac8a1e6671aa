"""Everything the generator hands MkDocs for one build: every page (where it goes, its title, its YAML file)
at once, each page's Markdown when it is asked for, and the data files.

With `workers` > 1 (parallel.py) the rendering runs alongside MkDocs, which converts pages on one core: a
worker renders the pages in order while MkDocs converts the ones before them, then makes the data files,
which MkDocs copies only at the end. The result is the same, byte for byte, as rendering everything here
first; a worker that fails costs only time."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..model import Explainer
from ..parallel import Feed
from .meta import PageMeta
from .pages import Options, Renderer, Task, data_makers


class Output:
    """The pages (`tasks`, in order) and data files (`data_paths`) of one build; markdown(i) and data() give
    their contents, waiting for the workers if need be; close() when the build is done with them."""

    def __init__(self, model: Explainer, options: Options = Options(), meta: Mapping[str, PageMeta] | None = None,
                 docs: Path | None = None, workers: int = 1) -> None:
        self._renderer = Renderer(model, options, meta)
        self.tasks: list[Task] = self._renderer.tasks()
        self._index = {task.src: i for i, task in enumerate(self.tasks)}
        makers = data_makers(model, options, docs)
        self.data_paths = [path for path, _ in makers]
        self._feed: Feed[str | bytes] | None = None
        self._markdown: list[str] = []
        self._made: list[bytes] = []
        if workers > 1:  # the pages, then the data files, in one worker: it has the time
            self._feed = Feed([*(task.markdown for task in self.tasks), *(make for _, make in makers)])
        else:
            self._markdown = [task.markdown() for task in self.tasks]
            self._made = [make() for _, make in makers]

    def task(self, src: str) -> Task | None:
        """The generated page at docs path `src`, if any."""
        i = self._index.get(src)
        return self.tasks[i] if i is not None else None

    def markdown(self, i: int) -> str:
        """The Markdown of page i (tasks[i]); with a worker, best asked for in page order."""
        if self._feed is None:
            return self._markdown[i]
        text = self._feed.get(i)
        assert isinstance(text, str)
        return text

    def data(self) -> list[bytes]:
        """The content of every data file, in the order of `data_paths` (with a worker: once, after the pages)."""
        if self._feed is not None and not self._made:
            first = len(self.tasks)
            self._made = [bytes(self._feed.get(first + j)) for j in range(len(self.data_paths))]
        return self._made

    def close(self) -> None:
        """Stop any worker still running and let the render-wide caches go."""
        if self._feed is not None:
            self._feed.close()
        self._renderer.env.globals.clear()  # they hold caches in a cycle: free them now, GC or not
