"""How kg's time and memory grow with the corpus: bare spaCy, --jobs 1, --jobs 2 and a Dask LocalCluster.

    .venv/bin/python bench/scale.py                                   # 300 articles (a few minutes)
    .venv/bin/python bench/scale.py --sizes 300,1000,3000             # the issue's whole table
    .venv/bin/python bench/scale.py --sizes 300,1000,3000 --modes jobs2   # memory in corpus size alone
    .venv/bin/python bench/scale.py --modes spacy,jobs1,jobs2,cluster  # the throughput ratios at 300

For each size, a corpus of generated articles (bench/corpus.py: the seed's paragraphs, the same every
run) is built by separate processes, one after another so that a busy machine slows them alike, in the
modes `--modes` names (all four by default):

- `spacy`, bare spaCy: the model kg chooses, `nlp.pipe` over the files (batch size 32), nothing else;
- `jobs1`, `jobs2` and `cluster`: `kg build --jobs 1`, `kg build --jobs 2` and `kg build --cluster local
  --jobs 2` (a LocalCluster of two worker processes on loopback, its start-up included), everything a
  build writes included.

A build takes about 0.3 CPU-seconds an article on this project's test machine (generated articles of
about 850 words), bare spaCy about two thirds of that: the whole table, 4,300 articles in four modes,
takes about an hour and a quarter on a quiet machine of two cores.

Memory is each process's peak resident set (the kernel's VmHWM, read every 0.1 s while it runs, so a
peak in the last tenth of a second of a process can be missed): the main process, and each worker
process (the forked workers of --jobs, the cluster's worker processes). The closing lines give the
slope of the main process's peak in the corpus size, by least squares over the sizes run, and the
ratios the issue sets targets for (issue 14), for the modes run: kg --jobs 1 >= 0.85 of bare spaCy's
speed, the cluster >= 0.85 of --jobs 2's throughput, --jobs 2 >= 1.5x --jobs 1; and the memory targets:
the peak of any process at the largest size at most 1.3 times that at the smallest, and under 1.5 GB.
The CPU time of each run (its process and workers) and that other programs used meanwhile are shown
too: on a shared machine the wall times are only as good as it was quiet, and the CPU times of the
single-process runs (bare spaCy, --jobs 1) compare better (memory does not depend on it).
"""

from __future__ import annotations

import argparse
import os
import shutil
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
    cpu_seconds: float  # user + system, of the process and every worker it waited for
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
    return Run(seconds, cpu, main_peak, peaks, others)


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


# The modes, by their --modes name: what the table calls them.
MODES = {"spacy": "bare spaCy nlp.pipe", "jobs1": "kg --jobs 1", "jobs2": "kg --jobs 2", "cluster": "kg LocalCluster x2"}
TARGET_SHARE = 0.85  # kg --jobs 1 of bare spaCy's speed; the cluster of --jobs 2's
TARGET_SPEEDUP = 1.5  # --jobs 2 over --jobs 1
TARGET_MEMORY_RATIO = 1.3  # the peak at the largest size over that at the smallest
TARGET_PEAK_BYTES = 1.5 * 1024**3


def commands(corpus: Path, out: Path, model: str) -> dict[str, list[str]]:
    kg = str(BIN / "kg")
    return {
        "spacy": [sys.executable, "-c", BARE_SPACY, str(corpus), model],
        "jobs1": [kg, "build", str(corpus), "-o", f"{out}-1", "--jobs", "1"],
        "jobs2": [kg, "build", str(corpus), "-o", f"{out}-2", "--jobs", "2"],
        "cluster": [kg, "build", str(corpus), "-o", f"{out}-c", "--cluster", "local", "--jobs", "2"],
    }


def peak_of_run(run: Run) -> int:
    """The largest resident set of one process of a run: the main process or a worker."""
    return max((run.main_peak, *run.worker_peaks))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="300", help="comma-separated corpus sizes, in articles (default 300)")
    parser.add_argument("--modes", default=",".join(MODES),
                        help=f"comma-separated modes to run, of {', '.join(MODES)} (default all)")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    modes = [mode for mode in MODES if mode in args.modes.split(",")]
    unknown = set(args.modes.split(",")) - set(MODES)
    if unknown or not modes:
        parser.error(f"--modes takes {', '.join(MODES)}, not {','.join(sorted(unknown)) or args.modes!r}")

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
            for mode, command in commands(corpus, out, model).items():
                if mode in modes:
                    results[size, mode] = run(command)
                    print(f"  {size} articles: {MODES[mode]} done in {results[size, mode].seconds:.1f} s, "
                          f"load average {os.getloadavg()[0]:.1f}", flush=True)
            if {"jobs2", "cluster"} <= set(modes):
                same = Path(f"{out}-2/graph.ttl").read_bytes() == Path(f"{out}-c/graph.ttl").read_bytes()
                print(f"  {size} articles: cluster graph.ttl {'byte-identical to' if same else 'DIFFERS from'} --jobs 2's")
            for suffix in ("1", "2", "c"):  # the outputs of this size: the disk of the next is its own
                shutil.rmtree(f"{out}-{suffix}", ignore_errors=True)
    print(f"\n{'articles':>8s} {'run':20s} {'seconds':>8s} {'CPU s':>7s} {'words/s':>8s} {'main MB':>8s} "
          f"{'workers MB':>14s} {'others CPU s':>12s}")
    for size in sizes:
        for mode in modes:
            r = results[size, mode]
            workers = "/".join(f"{p / MB:.0f}" for p in r.worker_peaks) or "-"
            print(f"{size:8d} {MODES[mode]:20s} {r.seconds:8.1f} {r.cpu_seconds:7.1f} {words[size] / r.seconds:8.0f} {r.main_peak / MB:8.0f} "
                  f"{workers:>14s} {r.others_cpu_seconds:12.1f}")
    print()
    for mode in modes:
        main_slope = slope([(size, results[size, mode].main_peak / MB) for size in sizes])
        if main_slope is None:
            print(f"memory slope, {MODES[mode]}: needs two sizes or more (--sizes 300,1000)")
            continue
        worker_slope = slope([(size, max(results[size, mode].worker_peaks, default=0) / MB) for size in sizes])
        smallest, largest = peak_of_run(results[sizes[0], mode]), peak_of_run(results[sizes[-1], mode])
        print(f"memory slope, {MODES[mode]}: {main_slope * 1000:.0f} MB of the main process's peak per 1,000 articles"
              + (f", {worker_slope * 1000:.0f} MB of the largest worker's" if mode != "spacy" and mode != "jobs1" else "")
              + f"; peak of any process {largest / MB:.0f} MB at {sizes[-1]} = {largest / smallest:.2f}x that at {sizes[0]}"
              + ("" if mode == "spacy" else f" (target <= {TARGET_MEMORY_RATIO}x, < {TARGET_PEAK_BYTES / 2**30:.1f} GB)"))
    for size in sizes:
        seconds = {mode: results[size, mode].seconds for mode in modes if (size, mode) in results}
        ratios = []
        if {"spacy", "jobs1"} <= set(seconds):
            cpu = {mode: results[size, mode].cpu_seconds for mode in ("spacy", "jobs1")}
            ratios.append(f"kg --jobs 1 / bare spaCy speed = {seconds['spacy'] / seconds['jobs1']:.2f} (target >= {TARGET_SHARE};"
                          f" by CPU time, which a busy machine disturbs less: {cpu['spacy'] / cpu['jobs1']:.2f})")
        if {"jobs1", "jobs2"} <= set(seconds):
            ratios.append(f"--jobs 2 / --jobs 1 = {seconds['jobs1'] / seconds['jobs2']:.2f}x (target >= {TARGET_SPEEDUP})")
        if {"jobs2", "cluster"} <= set(seconds):
            ratios.append(f"cluster / --jobs 2 throughput = {seconds['jobs2'] / seconds['cluster']:.2f} (target >= {TARGET_SHARE})")
        if ratios:
            print(f"{size} articles: " + "; ".join(ratios))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
