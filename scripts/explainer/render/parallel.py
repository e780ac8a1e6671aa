"""Run independent rendering steps in forked processes, so a long explainer's pages use the cores that a
MkDocs build leaves idle (MkDocs itself runs on one).

Each worker is a fork of this process: it already holds the model, the templates and the steps, so nothing
is sent to it; it runs its share of the steps and sends back what they returned, pickled, through a pipe. The
results come back in the steps' order, the same as running them here one after the other. A worker that
fails (or a machine without fork) costs nothing but time: its steps are run again here, where an error
surfaces as it would without workers."""
from __future__ import annotations

import os
import pickle
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def run_tasks(tasks: Sequence[Callable[[], T]], shares: Sequence[Sequence[int]]) -> list[T]:
    """Each task's result, in the tasks' order. `shares`: the indices of the tasks each process runs; the
    first share runs here, each other one in a worker of its own."""
    if len(shares) < 2 or not hasattr(os, "fork"):
        return [task() for task in tasks]
    children = [_fork(tasks, share) for share in shares[1:]]
    results: list[T | None] = [None] * len(tasks)
    for i in shares[0]:
        results[i] = tasks[i]()
    for share, child in zip(shares[1:], children):
        done = _collect(child)
        for i, result in zip(share, done if done is not None else (tasks[i]() for i in share)):
            results[i] = result
    return results  # type: ignore[return-value]


def interleaved(count: int, workers: int) -> list[list[int]]:
    """Shares for `count` tasks of about equal cost: task i goes to process i % workers."""
    return [list(range(i, count, workers)) for i in range(max(1, workers))]


def _fork(tasks: Sequence[Callable[[], T]], share: Sequence[int]) -> tuple[int, int] | None:
    """Start a worker on `share`; its pid and the pipe to read, or None if it could not start."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the worker: never returns, never runs the parent's exit handlers or flushes its buffers
        status = 1
        try:
            os.close(read)
            data = pickle.dumps([tasks[i]() for i in share], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _collect(child: tuple[int, int] | None) -> list[T] | None:
    """What the worker returned, or None if it failed (its tasks are then run here)."""
    if child is None:
        return None
    pid, read = child
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        return pickle.loads(data)  # type: ignore[no-any-return]
    except (pickle.UnpicklingError, EOFError, ValueError):
        return None
