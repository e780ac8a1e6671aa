"""`mkdocs serve` notices a save at once. MkDocs polls the disk for changes every 0.5 s (that works on every file
system) and has no option for it: a save waited a quarter of a second on average before the rebuild began, and
polling more often slows every rebuild (each look lists every watched file while the build runs). On Linux, the
plugin's on_serve hands MkDocs a server like its own, watching the same paths through inotify: the kernel says
what changed, nothing is polled. Elsewhere, or where inotify cannot watch the files (too many of them for the
system's limit), MkDocs' own server is kept; the plugin's `serve_polling: true` keeps it too, for file systems
that do not report changes (a folder shared into a container from another system)."""

from __future__ import annotations

import logging
import sys
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch
from watchdog.observers.inotify import InotifyObserver

log = logging.getLogger("mkdocs.plugins.explainer")
QUIET = 0.05  # seconds without further changes before the rebuild starts (MkDocs: 0.1)
CHANGES = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileAttribEvent)  # told of these


class Changes(InotifyObserver):
    """inotify, telling only of changes to files: not of files opened or read (every build reads the files it
    watches, and MkDocs rebuilds on any event it is told of)."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: Any,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=list(CHANGES), follow_symlink=follow_symlink
        )


def quicker(server: Any) -> Any:
    """A server like `server`, not yet started, told of changes by inotify; `server` itself off Linux, or if it is
    not MkDocs' own."""
    watched = getattr(server, "_watched_paths", None)
    if not sys.platform.startswith("linux") or type(server) is not LiveReloadServer or not isinstance(watched, dict):
        return server
    try:  # inotify refuses at once what it cannot watch (its limits): try it on the same paths first
        probe = Changes()
        for path in watched:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()
        probe.stop()
        probe.join()
    except OSError as err:
        log.info(f"explainer: MkDocs polls the files for changes (inotify cannot watch them: {err})")
        return server
    host, port = server.server_address[:2]
    faster = LiveReloadServer(server.builder, str(host), int(port), server.root, server.mount_path)
    faster.error_handler, faster.build_delay = server.error_handler, QUIET
    faster.observer = Changes()  # type: ignore[assignment]
    for path, times in watched.items():  # as often as it was asked for (unwatch counts down)
        for _ in range(times):
            faster.watch(path)
    server.server_close()  # its socket was never bound; nothing of it was started
    return faster
