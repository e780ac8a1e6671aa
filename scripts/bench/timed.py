"""`mkdocs build` in this process with the explainer plugin's events timed from outside (the plugin holds no
timing code): prints one line for bench.run to read.

    python -m bench.timed -f mkdocs.yml -d site

generator: the plugin's on_config and on_files (load, validate, model, render every page, make the data files);
all: every event of the plugin, with linking names (on_page_content) and "Mentioned in" (on_page_context)."""
from __future__ import annotations

import functools
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

from mkdocs.__main__ import cli

from explainer.plugin import ExplainerPlugin

GENERATOR = ("on_config", "on_files")
EVENTS = (*GENERATOR, "on_page_content", "on_page_context", "on_post_build")


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


class Clock:
    def __init__(self) -> None:
        self.all = self.generator = self.cpu = 0.0

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), _cpu()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                self.all += spent
                if name in GENERATOR:
                    self.generator += spent
                    self.cpu += _cpu() - cpu
                if name == "on_post_build":
                    print(f"explainer: hook time {self.all:.2f} s, generator {self.generator:.2f} s "
                          f"(CPU {self.cpu:.2f} s)", file=sys.stderr, flush=True)
        return timed


def main() -> None:
    clock = Clock()
    for name in EVENTS:
        setattr(ExplainerPlugin, name, clock.wrap(name, getattr(ExplainerPlugin, name)))
    cli(["build", *sys.argv[1:]])


if __name__ == "__main__":
    main()
