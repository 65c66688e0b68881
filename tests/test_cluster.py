"""Builds on a Dask cluster (issue 14): the same bytes as a local build, and one-line errors."""

from __future__ import annotations

import os
import socket
import sys

import pytest

from conftest import ROOT, run_kg

sys.path.insert(0, str(ROOT / "bench"))
from corpus import corpus_texts  # noqa: E402

distributed = pytest.importorskip("distributed")

# Three chunks of articles (kg.pipeline.CHUNK_SIZE is 16), so that both workers get some.
ARTICLES = 34


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Short generated articles (the first three paragraphs of bench/corpus.py's), and their --jobs 2 build."""
    folder = tmp_path_factory.mktemp("cluster")
    for number, text in enumerate(corpus_texts(count=ARTICLES)):
        (folder / "in" / f"article-{number:03d}.txt").parent.mkdir(exist_ok=True)
        (folder / "in" / f"article-{number:03d}.txt").write_text("\n\n".join(text.split("\n\n")[:3]) + "\n")
    run_kg("build", folder / "in", "-o", folder / "jobs2", "--jobs", "2", check=True)
    return folder


@pytest.mark.slow
def test_a_two_worker_cluster_on_loopback_builds_the_bytes_of_jobs_2(corpus):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) \
            as cluster, distributed.Client(cluster) as client:
        done = run_kg("build", corpus / "in", "-o", corpus / "cluster", "--cluster", cluster.scheduler_address,
                      check=True)
        # Two worker processes, neither of them this one, each with the model loaded by kg's plugin.
        loaded = client.run(lambda dask_worker: (os.getpid(), any(name.startswith("kg-spacy-")
                                                                  for name in dask_worker.plugins)))
    assert len(loaded) == 2 and all(has_model for _, has_model in loaded.values())
    assert len({pid for pid, _ in loaded.values()} | {os.getpid()}) == 3
    assert done.stdout.splitlines()[-1].startswith(f"{ARTICLES} articles, ")
    for name in ("graph.ttl", "facts.jsonl", "report.json"):
        assert (corpus / "cluster" / name).read_bytes() == (corpus / "jobs2" / name).read_bytes(), name


@pytest.mark.slow
def test_cluster_local_starts_jobs_workers_and_reports_them(corpus):
    from kg.pipeline import build

    calls = []
    build([corpus / "in"], corpus / "local", jobs=2, cluster="local", progress=lambda *call: calls.append(call))
    assert [done for done, _, _ in calls] == list(range(1, ARTICLES + 1))
    assert {workers for _, _, workers in calls} == {2}
    assert (corpus / "local" / "graph.ttl").read_bytes() == (corpus / "jobs2" / "graph.ttl").read_bytes()


def test_a_malformed_scheduler_address_is_one_line(corpus):
    result = run_kg("build", corpus / "in", "-o", corpus / "bad", "--cluster", "127.0.0.1:8786")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == ("kg: error: --cluster takes 'local' or a Dask scheduler's "
                                                      "address such as tcp://host:8786, not '127.0.0.1:8786'")
    assert not (corpus / "bad").exists()


def test_a_scheduler_that_is_not_there_is_one_line_before_any_parse(corpus):
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_kg("build", corpus / "in", "-o", corpus / "nowhere", "--cluster", f"tcp://127.0.0.1:{port}")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(f"kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: ")
    assert "Traceback" not in result.stderr
    assert not (corpus / "nowhere").exists()
