"""Rendering shared between processes (parallel.py): the same pages, byte for byte, in the same
order; a worker that fails costs only time; and the hook's choice of how many processes to use."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synth import generate
from corpus import CASES
from helpers import FIXTURE, ROOT
from explainer.build import build_explainer
from explainer.load import load
from explainer.render.output import Output
from explainer.render.pages import Options, Renderer, data_files
from explainer.parallel import Feed, Stream, run_tasks

HOOK = ROOT / "scripts" / "mkdocs_hook.py"


def test_results_come_back_in_order_from_every_share() -> None:
    parent = os.getpid()
    tasks = [lambda i=i: (i, os.getpid() == parent) for i in range(7)]
    results = run_tasks(tasks, [[0, 3, 6], [1, 2], [4, 5]])
    assert [i for i, _ in results] == list(range(7))
    assert [here for _, here in results] == [True, False, False, True, False, False, True]  # really forked


def test_a_failing_worker_costs_only_time() -> None:
    parent = os.getpid()

    def fragile() -> str:
        if os.getpid() != parent:
            raise RuntimeError("only in the worker")
        return "done here"

    assert run_tasks([lambda: "a", fragile, lambda: "c"], [[0, 2], [1]]) == ["a", "done here", "c"]


def test_an_error_in_the_work_itself_surfaces_as_without_workers() -> None:
    def broken() -> str:
        raise ValueError("a real bug")

    with pytest.raises(ValueError, match="a real bug"):
        run_tasks([lambda: "a", broken], [[0], [1]])


def test_a_stream_answers_every_item_in_order_from_a_worker() -> None:
    parent = os.getpid()
    stream = Stream(lambda text, n: (text * n, os.getpid() != parent))
    items = [("é" * (i % 7) + "x" * 5000, i % 3) for i in range(500)]  # more than a pipe holds at once
    for text, n in items:
        stream.send(text, n)
    assert stream.results() == [(text * n, True) for text, n in items]
    assert stream.results() == []  # taken once


def test_a_stream_whose_worker_dies_is_answered_here() -> None:
    parent = os.getpid()

    def fragile(i: int) -> int:
        if os.getpid() != parent and i == 5:
            os._exit(1)
        return i * 2

    stream = Stream(fragile)
    for i in range(10):
        stream.send(i)
    assert stream.results() == [i * 2 for i in range(10)]


def test_a_stream_holds_no_worker_back_from_the_end_of_its_input() -> None:
    """A worker forked after a stream started must not keep the stream's pipe open: the stream's worker
    would wait for it forever, and so would results()."""
    stream = Stream(lambda i: i + 1)
    stream.send(1)
    later = Feed([lambda: time.sleep(2) or "slept"])
    started = time.monotonic()
    assert stream.results() == [2]
    assert time.monotonic() - started < 1.5  # not held until the later worker ends
    assert later.get(0) == "slept"
    later.close()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parallel")
    generate(root, 400, HOOK)
    return root


@pytest.mark.parametrize("which", ["fixture", "synthetic"])
def test_workers_render_the_same_pages_and_data(which: str, synthetic: Path) -> None:
    docs = FIXTURE / "docs" if which == "fixture" else synthetic / "docs"
    model = build_explainer(docs)
    options = Options(site_name="S", site_url="https://example.org/s/")
    serial = list(Renderer(model, options).render())
    shared = Output(model, options, docs=docs, workers=2)
    try:
        assert [(t.src, t.title, t.edit_path) for t in shared.tasks] == [(p.src, p.title, p.edit_path) for p in serial]
        assert [shared.markdown(i) for i in range(len(serial))] == [p.markdown for p in serial]
        assert list(zip(shared.data_paths, shared.data())) == data_files(model, options, docs)
    finally:
        shared.close()


def test_pages_asked_for_out_of_order_are_the_same(synthetic: Path) -> None:
    model = build_explainer(synthetic / "docs")
    serial = Output(model)
    shared = Output(model, workers=2)
    order = [7, 3, 3, len(serial.tasks) - 1, 0]  # back, again (rendered here), the last, the first
    try:
        assert [shared.markdown(i) for i in order] == [serial.markdown(i) for i in order]
    finally:
        shared.close()
        serial.close()


def test_a_feed_hands_over_results_in_order_as_they_come() -> None:
    parent = os.getpid()
    feed = Feed([lambda i=i: (i, os.getpid() != parent) for i in range(300)])
    assert [feed.get(i) for i in range(300)] == [(i, True) for i in range(300)]
    feed.close()


def test_a_feed_whose_worker_fails_does_the_rest_here() -> None:
    parent = os.getpid()

    def fragile(i: int) -> tuple[int, bool]:
        if os.getpid() != parent and i == 4:
            raise RuntimeError("only in the worker")
        return i, os.getpid() != parent

    feed = Feed([lambda i=i: fragile(i) for i in range(8)])
    got = [feed.get(i) for i in range(8)]
    assert [i for i, _ in got] == list(range(8))
    assert [elsewhere for _, elsewhere in got] == [True] * 4 + [False] * 4


def test_a_closed_feed_leaves_no_worker() -> None:
    feed = Feed([lambda: "x" * 100_000 for _ in range(100)])  # more than the pipe holds: the worker waits
    assert feed.get(0) == "x" * 100_000
    pid = feed._pid
    feed.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_two_processes_read_the_same_files(synthetic: Path, tmp_path: Path) -> None:
    """Half the files are read in a worker: the same records in the same order, and the same problems, at
    their files' lines, from files in either half."""
    docs = tmp_path / "docs"
    shutil.copytree(synthetic / "docs", docs)
    for i, (name, file, content, _) in enumerate(CASES[:12]):
        folder = file.split("/")[0]
        (docs / folder / f"{'a' if i % 2 else 'zz'}-{name}.yml").write_text(content, encoding="utf-8")
    serial, shared = load(docs), load(docs, workers=2)
    assert shared == serial
    assert [list(records) for records in shared.records.values()] == [list(r) for r in serial.records.values()]
    assert len(serial.problems) >= 4 and serial.references  # per-file problems; references checked later
    assert {p.path.split("/")[-1][:2] for p in serial.problems} >= {"a-", "zz"}  # both halves


def test_a_build_with_two_processes_writes_the_same_site(synthetic: Path, tmp_path: Path) -> None:
    """`mkdocs build` itself, in a process of its own (no test-runner threads, which turn forking off):
    rendering and linking shared between two processes write the very same site as one process does."""
    sites = {}
    for workers in ("1", "2"):
        site = tmp_path / f"site-{workers}"
        env = {**os.environ, "EXPLAINER_WORKERS": workers, "SOURCE_DATE_EPOCH": "1700000000",
               "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(synthetic / "mkdocs.yml"),
                              "-d", str(site)], env=env, capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr[-2000:]
        assert ("(rendered by worker processes" in run.stderr) == (workers == "2"), run.stderr[-2000:]
        assert "WARNING" not in run.stderr, run.stderr[-2000:]
        sites[workers] = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert sites["1"].keys() == sites["2"].keys()
    different = [str(p) for p in sites["1"] if sites["1"][p] != sites["2"][p]]
    assert different == []
