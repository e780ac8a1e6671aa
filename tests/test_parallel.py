"""Rendering shared between processes (render/parallel.py): the same pages, byte for byte, in the same
order; a worker that fails costs only time; and the hook's choice of how many processes to use."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synth import generate
from helpers import FIXTURE, ROOT
from explainer.build import build_explainer
from explainer.render.output import render_output, shares
from explainer.render.pages import Options, Renderer
from explainer.render.parallel import interleaved, run_tasks

HOOK = ROOT / "scripts" / "mkdocs_hook.py"


def test_results_come_back_in_order_from_every_share() -> None:
    parent = os.getpid()
    tasks = [lambda i=i: (i, os.getpid() == parent) for i in range(7)]
    results = run_tasks(tasks, [[0, 3, 6], [1, 2], [4, 5]])
    assert [i for i, _ in results] == list(range(7))
    assert [here for _, here in results] == [True, False, False, True, False, False, True]  # really forked


def test_interleaved_shares_cover_every_task_once() -> None:
    assert interleaved(5, 2) == [[0, 2, 4], [1, 3]]
    assert interleaved(3, 1) == [[0, 1, 2]]
    assert interleaved(2, 3) == [[0], [1], []]


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


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parallel")
    generate(root, 400, HOOK)
    return root


@pytest.mark.parametrize("which", ["fixture", "synthetic"])
def test_two_processes_render_the_same_pages(which: str, synthetic: Path) -> None:
    docs = FIXTURE / "docs" if which == "fixture" else synthetic / "docs"
    model = build_explainer(docs)
    options = Options(site_name="S", site_url="https://example.org/s/")
    serial = render_output(model, options, docs=docs)
    assert render_output(model, options, docs=docs, workers=2) == serial


def test_shares_split_the_work_by_kind_of_page(synthetic: Path) -> None:
    tasks = Renderer(build_explainer(synthetic / "docs")).tasks()
    here, other = shares(tasks, 2)
    assert sorted(here + other) == list(range(len(tasks)))
    assert {tasks[i].kind for i in other} == {"actors", "places", "glossary", "sources", "timeline", ""}
    assert {tasks[i].kind for i in here} == {"events", "timelines"}
    assert shares(tasks, 1) == [list(range(len(tasks)))]


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
        assert ("(2 processes)" in run.stderr) == (workers == "2"), run.stderr[-2000:]
        assert "WARNING" not in run.stderr, run.stderr[-2000:]
        sites[workers] = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert sites["1"].keys() == sites["2"].keys()
    different = [str(p) for p in sites["1"] if sites["1"][p] != sites["2"][p]]
    assert different == []
