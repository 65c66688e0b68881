"""How `kg build` scales with one article's length: a 2 MB article against a 200 KB one (issue 16).

    .venv/bin/python bench/long_article.py                  # 200 KB and 2 MB, best of 1 run each
    .venv/bin/python bench/long_article.py --sizes 200000 2000000 5000000 --repeat 2

The articles are real prose: the seed article's paragraphs (bench/corpus.py), drawn in a reproducible
random order and joined two to four at a time into paragraphs that never repeat (a repeated paragraph
is page chrome to kg, and gives no facts). Each size is built by `kg build FILE -o DIR --jobs 1` in a
process of its own, and so is a one-paragraph article, whose time (starting Python, loading the model,
writing the outputs) is taken off every other time: what is left grows with the article. The target: the
largest article's time at most 15 times the smallest's for 10 times the text (linear is 10); the exit
code is 1 when it is missed. Peak memory (the largest resident set of the build's process tree,
ru_maxrss from wait4) is printed too: the parse holds one piece at a time
(kg.pipeline.LONG_ARTICLE_PIECE), so what grows is the graph of the article's facts.

Measured (2 shared cores, best of 1): 200 KB 19.3 s, 2 MB 239.1 s past a 5.4 s start-up: ratio 12.4;
peak memory 568 MB and 924 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import seed_paragraphs  # noqa: E402

KG = Path(sys.executable).parent / "kg"
TARGET_TIME_RATIO = 15


def long_text(size: int, seed: int = 0) -> str:
    """About `size` characters of the seed's prose in paragraphs of 2 to 4 of its paragraphs, none twice."""
    paragraphs = seed_paragraphs()
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(rng.sample(paragraphs, rng.randint(2, 4)))
        if paragraph in seen:
            continue
        seen.add(paragraph)
        out.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


def build(path: Path, out: Path) -> tuple[float, int]:
    """Seconds and peak resident bytes of `kg build path -o out --jobs 1`."""
    started = time.perf_counter()
    process = subprocess.Popen([str(KG), "build", str(path), "-o", str(out), "--jobs", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kg build {path} failed: {stderr}")
    return seconds, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 2_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs of each size")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="kg-long-") as scratch:
        folder = Path(scratch)
        files = {0: folder / "one-paragraph.txt"}
        files[0].write_text(seed_paragraphs()[2] + "\n", encoding="utf-8")
        for size in sizes:
            files[size] = folder / f"article-{size}.txt"
            files[size].write_text(long_text(size), encoding="utf-8")
        best: dict[int, tuple[float, int]] = {}
        for run in range(args.repeat):
            for size, path in files.items():  # interleaved: a busy machine slows every size alike
                seconds, peak = build(path, folder / f"out-{size}-{run}")
                if size not in best or seconds < best[size][0]:
                    best[size] = (seconds, max(peak, best.get(size, (0, 0))[1]))
    base = best[0][0]
    print(f"one paragraph (start-up, model, outputs): {base:.1f} s, peak {best[0][1] / 2**20:.0f} MB")
    for size in sizes:
        seconds, peak = best[size]
        print(f"{size / 1000:>6.0f} KB: {seconds:6.1f} s in all, {seconds - base:6.1f} s past start-up, "
              f"peak {peak / 2**20:.0f} MB")
    small, large = sizes[0], sizes[-1]
    ratio = (best[large][0] - base) / max(best[small][0] - base, 1e-9)
    target = TARGET_TIME_RATIO * large / small / 10  # 15 for 10 times the text
    print(f"time ratio {large / 1000:.0f} KB / {small / 1000:.0f} KB past start-up: {ratio:.1f} "
          f"(text ratio {large / small:.0f}; target <= {target:g}); "
          f"peak memory ratio {best[large][1] / best[small][1]:.2f}")
    sys.exit(0 if ratio <= target else 1)


if __name__ == "__main__":
    main()
