"""Run independent rendering steps in forked processes, so a long explainer's pages use the cores that a
MkDocs build leaves idle (MkDocs itself runs on one).

Each worker is a fork of this process: it already holds the model, the templates and the steps, so nothing
is sent to it; it runs its share of the steps and sends back what they returned, pickled, through a pipe. The
results come back in the steps' order, the same as running them here one after the other. A worker that
fails (or a machine without fork) costs nothing but time: its steps are run again here, where an error
surfaces as it would without workers.

Feed and Stream run work in a worker while this process goes on (MkDocs converting pages, on one core):
Feed runs a list of steps in order and hands each result over as soon as it is asked for; Stream is sent
items one by one and applies a function to each as they come, and answers once, at the end. Any failure
again costs only time: the work is done here instead."""
from __future__ import annotations

import fcntl
import gc
import io
import os
import pickle
import queue
import signal
import threading
from typing import Any, Callable, Generic, Sequence, TypeVar

T = TypeVar("T")
_HELD: set[int] = set()  # this process's write ends of Stream pipes: a worker forked later must not hold them


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
        done: list[T] | None = _collect(child)
        for i, result in zip(share, done if done is not None else (tasks[i]() for i in share)):
            results[i] = result
    return results  # type: ignore[return-value]


def _worker(body: Callable[[list[tuple[int, int]]], None], pipes: int = 1) -> tuple[int, list[tuple[int, int]]] | None:
    """Fork a worker that runs `body` with `pipes` new pipes (read end, write end) and ends: exit status 0 if
    `body` returned, 1 if it raised. The worker never returns here, never runs this process's exit handlers
    or flushes its buffers; it first closes the ends of other streams (_HELD). Here: the worker's pid and
    the pipes, or None if it could not start. Each side closes the ends it does not use."""
    made: list[tuple[int, int]] = []
    try:
        for _ in range(pipes):
            made.append(os.pipe())
        pid = os.fork()
    except OSError:
        for ends in made:
            for fd in ends:
                os.close(fd)
        return None
    if pid == 0:
        status = 1
        try:
            _forget_held()
            body(made)
            status = 0
        finally:
            os._exit(status)
    return pid, made


def _fork(tasks: Sequence[Callable[[], T]], share: Sequence[int]) -> tuple[int, int] | None:
    """Start a worker on `share`; its pid and the pipe to read, or None if it could not start."""
    def body(pipes: list[tuple[int, int]]) -> None:
        read, write = pipes[0]
        os.close(read)
        results = [tasks[i]() for i in share]
        with os.fdopen(write, "wb", buffering=1 << 16) as out:
            pickle.dump(results, out, protocol=pickle.HIGHEST_PROTOCOL)

    started = _worker(body)
    if started is None:
        return None
    pid, [(read, write)] = started
    os.close(write)
    return pid, read


def _collect(child: tuple[int, int] | None) -> list[T] | None:
    """What the worker returned, or None if it failed (its tasks are then run here)."""
    return _receive(*child) if child is not None else None


def _receive(pid: int, read: int) -> Any:
    """What worker `pid` sent through `read` before it ended well, unpickled as it arrives (never a copy of
    the whole message in memory); None if it failed. The pipe is closed before waiting for the worker, so
    a worker still writing after a bad message ends too."""
    failed = False
    with os.fdopen(read, "rb", buffering=1 << 16) as pipe:
        try:
            value = pickle.load(pipe)
        except Exception:  # cut short or unreadable: the worker failed
            value, failed = None, True
    _, status = os.waitpid(pid, 0)
    return None if failed or status != 0 else value


def _forget_held() -> None:
    """In a new worker: close the write ends of the streams of this worker's parent, whose readers would
    otherwise wait for this worker too before they see the end of their input."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


def _widen(fd: int) -> None:
    """Let the pipe of `fd` hold up to 1 MiB (Linux; elsewhere, or if refused, it stays as it is)."""
    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except OSError:
        pass


class Stream(Generic[T]):
    """`fn` applied, in a worker, to each item sent, as the items come; results() gives what it returned for
    every item, in order. The worker reads as fast as items are sent and answers once, at the end, so this
    process never waits on it until then. Without fork, or if the worker fails, results() calls `fn` here
    on the items it did not answer for."""

    def __init__(self, fn: Callable[..., T]) -> None:
        self._fn = fn
        self._items: list[tuple[Any, ...]] = []
        self._pid = 0
        self._to: io.FileIO | None = None
        self._back = -1
        if hasattr(os, "fork"):
            self._start()

    def _start(self) -> None:
        def body(pipes: list[tuple[int, int]]) -> None:
            (items_r, items_w), (back_r, back_w) = pipes
            gc.freeze()  # this worker lives as long as the build: collect its garbage, never its inheritance
            gc.enable()
            os.close(items_w)
            os.close(back_r)
            answers = []
            with os.fdopen(items_r, "rb", buffering=1 << 20) as items:
                while True:
                    try:
                        args = pickle.load(items)
                    except EOFError:
                        break
                    answers.append(self._fn(*args))
            with os.fdopen(back_w, "wb") as out:
                pickle.dump(answers, out, protocol=pickle.HIGHEST_PROTOCOL)

        started = _worker(body, pipes=2)
        if started is None:
            return
        pid, [(items_r, items_w), (back_r, back_w)] = started
        os.close(items_r)
        os.close(back_w)
        _HELD.add(items_w)
        self._pid, self._back = pid, back_r
        _widen(items_w)  # room for many items, so sending waits only when the worker falls far behind
        self._to = os.fdopen(items_w, "wb", buffering=0)

    def send(self, *args: Any) -> None:
        self._items.append(args)
        if self._to is not None:
            try:  # one write per item, straight into the pipe (a buffer would hold items back from the worker)
                data = memoryview(pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL))
                while data:
                    data = data[self._to.write(data) or 0:]
            except (OSError, pickle.PicklingError):
                self._close_input()  # the worker is gone or cannot take this: results() does the rest here

    def _close_input(self) -> None:
        to, self._to = self._to, None
        if to is not None:
            _HELD.discard(to.fileno())
            try:
                to.close()
            except OSError:
                pass

    def results(self) -> list[T]:
        self._close_input()
        answers: list[T] = []
        if self._pid:
            pid, self._pid = self._pid, 0
            answers = _receive(pid, self._back) or []
        items, self._items = self._items, []
        return answers[:len(items)] + [self._fn(*args) for args in items[len(answers):]]

    def cancel(self) -> None:
        """Stop the worker, if any (a build that failed): nothing is left running."""
        self._close_input()
        self._items = []
        if self._pid:
            pid, self._pid = self._pid, 0
            os.close(self._back)
            _stop(pid)


def _send_all(tasks: Sequence[Callable[[], Any]], write: int) -> int:
    """In a Feed's worker: run every task as fast as it can and send each result, in order, as soon as the
    reader takes it. A thread writes, so the work never waits for the reader: results pile up here instead,
    and the last ones are ready the moment they are asked for. 0 when all is sent."""
    ready: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sent: list[bool] = []

    def writer() -> None:
        with os.fdopen(write, "wb", buffering=0) as out:
            while (data := ready.get()) is not None:
                view = memoryview(data)
                while view:
                    view = view[out.write(view) or 0:]
        sent.append(True)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        for task in tasks:
            ready.put(pickle.dumps(task(), protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        ready.put(None)
        thread.join()
    return 0 if sent else 1


class Feed(Generic[T]):
    """Steps run in order in a worker, each result sent as soon as it is ready; get(i) waits for step i's.
    The worker never waits for the reader (_send_all): taking the results in order, this process waits
    only when it asks faster than the worker works. A step whose result the worker did not send (it
    failed, or there is no fork) is run here."""

    def __init__(self, tasks: Sequence[Callable[[], T]]) -> None:
        self._tasks = list(tasks)
        self._got: dict[int, T] = {}
        self._next = 0  # the index of the next result the worker will send
        self._pid = 0
        self._from: Any = None
        if hasattr(os, "fork") and self._tasks:
            self._start()

    def _start(self) -> None:
        def body(pipes: list[tuple[int, int]]) -> None:
            read, write = pipes[0]
            os.close(read)
            if _send_all(self._tasks, write):
                raise RuntimeError("the reader went away")

        started = _worker(body)
        if started is None:
            return
        pid, [(read, write)] = started
        os.close(write)
        _widen(read)  # room for many results, so the worker can run well ahead
        self._pid, self._from = pid, os.fdopen(read, "rb", buffering=1 << 16)

    def get(self, i: int) -> T:
        """Step i's result (each is given once)."""
        while i not in self._got and self._from is not None and self._next <= i:
            try:
                self._got[self._next] = pickle.load(self._from)
                self._next += 1
            except Exception:  # the worker failed or is gone: what it did not send is done here
                self.close()
        if i in self._got:
            return self._got.pop(i)
        return self._tasks[i]()

    def close(self) -> None:
        """Stop reading; the worker, if still there, is stopped."""
        source, self._from = self._from, None
        if source is not None:
            source.close()
        if self._pid:
            pid, self._pid = self._pid, 0
            _stop(pid)
