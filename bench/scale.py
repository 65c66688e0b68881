"""How kg's time and memory grow with the corpus: bare spaCy, --jobs 1, --jobs 2 and a Dask LocalCluster.

    .venv/bin/python bench/scale.py                         # 300 articles (a few minutes)
    .venv/bin/python bench/scale.py --sizes 300,1000,3000   # the issue's three sizes (an hour or more)

For each size, a corpus of generated articles (bench/corpus.py: the seed's paragraphs, the same every
run) is built by separate processes, one after another so that a busy machine slows them alike:

- bare spaCy: the model kg chooses, `nlp.pipe` over the files (batch size 32), nothing else;
- `kg build --jobs 1`, `kg build --jobs 2` and `kg build --cluster local --jobs 2` (a LocalCluster of
  two worker processes on loopback, its start-up included), everything a build writes included.

Memory is each process's peak resident set (the kernel's VmHWM, read every 0.1 s while it runs, so a
peak in the last tenth of a second of a process can be missed): the main process, and each worker
process (the forked workers of --jobs, the cluster's worker processes). The closing lines give the
slope of the main process's peak in the corpus size, by least squares over the sizes run, and the
ratios the issue sets targets for (issue 14): kg --jobs 1 >= 0.85 of bare spaCy's speed, the cluster
>= 0.85 of --jobs 2's throughput, --jobs 2 >= 1.5x --jobs 1. CPU time that other programs used during
a run is shown too: on a shared machine the wall times are only as good as it was quiet.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from speed import BARE_SPACY, busy_cpu_seconds  # noqa: E402

BIN = Path(sys.executable).parent
MB = 2**20


@dataclass(frozen=True)
class Run:
    seconds: float
    main_peak: int  # bytes
    worker_peaks: tuple[int, ...]  # bytes, one per worker process, largest first
    others_cpu_seconds: float  # CPU time other programs used meanwhile


def _peak(pid: int) -> int:
    """A process's peak resident set so far (VmHWM), 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _is_helper(process: psutil.Process) -> bool:
    """multiprocessing's resource tracker and fork server: not workers."""
    try:
        command = " ".join(process.cmdline())
    except psutil.Error:
        return True
    return "resource_tracker" in command or "forkserver" in command


def run(command: list[str]) -> Run:
    busy = busy_cpu_seconds()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    main_peak = 0
    workers: dict[int, int] = {}
    while True:
        main_peak = max(main_peak, _peak(process.pid))
        try:
            children = root.children(recursive=True)
        except psutil.Error:
            children = []
        for child in children:
            if child.pid in workers or not _is_helper(child):
                workers[child.pid] = max(workers.get(child.pid, 0), _peak(child.pid))
        # wait4 reaps the process with the CPU time of its whole tree (every worker it waited for).
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    others = max(0.0, busy_cpu_seconds() - busy - cpu)
    stderr = process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr.decode(errors='replace')}")
    peaks = tuple(sorted((p for p in workers.values() if p), reverse=True))
    return Run(seconds, main_peak, peaks, others)


def corpus_words(folder: Path) -> int:
    return sum(len(path.read_text(encoding="utf-8").split()) for path in folder.glob("*.txt"))


def slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of y in x; None for fewer than two sizes."""
    if len({x for x, _ in points}) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="300", help="comma-separated corpus sizes, in articles (default 300)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    from kg.nlp import choose_model

    model = choose_model()
    print(f"model {model}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start")
    results: dict[tuple[int, str], Run] = {}
    words: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}"
            write_corpus(corpus, size)
            words[size] = corpus_words(corpus)
            print(f"  {size} articles: {words[size]:,} words", flush=True)
            out = Path(tmp) / f"out-{size}"
            commands = {
                "bare spaCy nlp.pipe": [sys.executable, "-c", BARE_SPACY, str(corpus), model],
                "kg --jobs 1": [str(BIN / "kg"), "build", str(corpus), "-o", f"{out}-1", "--jobs", "1"],
                "kg --jobs 2": [str(BIN / "kg"), "build", str(corpus), "-o", f"{out}-2", "--jobs", "2"],
                "kg LocalCluster x2": [str(BIN / "kg"), "build", str(corpus), "-o", f"{out}-c", "--cluster", "local",
                                       "--jobs", "2"],
            }
            for name, command in commands.items():
                results[size, name] = run(command)
                print(f"  {size} articles: {name} done in {results[size, name].seconds:.1f} s", flush=True)
            same = Path(f"{out}-2/graph.ttl").read_bytes() == Path(f"{out}-c/graph.ttl").read_bytes()
            print(f"  {size} articles: cluster graph.ttl {'byte-identical to' if same else 'DIFFERS from'} --jobs 2's")
    names = list(dict.fromkeys(name for _, name in results))
    print(f"\n{'articles':>8s} {'run':20s} {'seconds':>8s} {'words/s':>8s} {'main MB':>8s} {'workers MB':>14s} "
          f"{'others CPU s':>12s}")
    for size in sizes:
        for name in names:
            r = results[size, name]
            workers = "/".join(f"{p / MB:.0f}" for p in r.worker_peaks) or "-"
            print(f"{size:8d} {name:20s} {r.seconds:8.1f} {words[size] / r.seconds:8.0f} {r.main_peak / MB:8.0f} "
                  f"{workers:>14s} {r.others_cpu_seconds:12.1f}")
    print()
    for name in names:
        per_article = slope([(size, results[size, name].main_peak / MB) for size in sizes])
        if per_article is None:
            print(f"memory slope, {name}: needs two sizes or more (--sizes 300,1000)")
        else:
            print(f"memory slope, {name}: {per_article * 1000:.0f} MB of the main process's peak per 1,000 articles")
    for size in sizes:
        seconds = {name: results[size, name].seconds for name in names}
        print(f"{size} articles: kg --jobs 1 / bare spaCy speed = {seconds['bare spaCy nlp.pipe'] / seconds['kg --jobs 1']:.2f}"
              f" (target >= 0.85); --jobs 2 / --jobs 1 = {seconds['kg --jobs 1'] / seconds['kg --jobs 2']:.2f}x"
              f" (target >= 1.5); cluster / --jobs 2 throughput = "
              f"{seconds['kg --jobs 2'] / seconds['kg LocalCluster x2']:.2f} (target >= 0.85)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
