"""How fast the bundled queries answer on a graph of a million triples in an on-disk Oxigraph store.

    .venv/bin/python bench/query_speed.py                    # about 1.06 million triples
    .venv/bin/python bench/query_speed.py --against tests/reference_queries   # and the queries before issue 14

The graph is a real build, made once and cached in bench/results/query-speed/ (reruns take seconds):

- 300 generated articles (bench/corpus.py: the seed's paragraphs, the same every run) are built by
  `kg build --jobs 2` (about a minute on two idle cores), for their facts cache (facts.jsonl);
- their facts are taken ten times over, each copy's articles under names of their own
  (`copy-03/article-0042.txt`), resolved and written as one graph by the library (`kg.resolve`,
  `kg.rdf`), as a build of 3,000 articles writes it: 1.06 million triples, what 3,000 generated
  articles make, for a tenth of the parse. The copies name the same entities as 3,000 generated
  articles do, since those are all cut from the one seed article too;
- `kg load` bulk-loads it into an on-disk store.

Then each bundled query (without parameters, and the parameterised ones with a parameter bound) runs
against the store, timed two ways, best of `--repeat` runs each: the library call
(`kg.query.run_store_query`, the store opened and the query answered in this process) and the command
(`kg query STORE NAME --format csv`, process start-up included). A trivial `SELECT (COUNT(*) AS ?n)`
runs the same two ways in the same run, and each time is also given as a ratio to it, since a machine
shared with other work slows everything alike. The last column is a digest of the answer (columns and
rows, in order). With `--against DIR`, the .rq file of the same name in DIR (an older text of the
query, say) runs through the library right after each query, in the same run and so under the same
load, with its time, how many times slower it is, and whether its answer is the same ("same", or
"same set" where only the order of the values in a GROUP_CONCAT cell, each plan's own, differs).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from corpus import write_corpus  # noqa: E402

from kg.query import bundled_queries, run_store_query  # noqa: E402

KG = Path(sys.executable).parent / "kg"
CACHE = HERE / "results" / "query-speed"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# A parameter for each parameterised query: names the seed's entities as a user would.
PARAMS = {"between": {"a": "Trump", "b": "Iran"}, "entity-facts": {"entity": "esper"},
          "members": {"org": "Quds Force"}, "conflict-cooperation": {"class": "conflict"}}


def _kg(*args: str | Path) -> None:
    subprocess.run([str(KG), *map(str, args)], check=True, stdout=subprocess.DEVNULL)


def parsed_facts(cache: Path, articles: int) -> Path:
    """The facts cache of a build of `articles` generated articles, built once."""
    out = cache / f"parsed-{articles}"
    if not (out / "facts.jsonl").is_file():
        write_corpus(cache / f"corpus-{articles}", articles)
        print(f"building {articles} generated articles (once) ...", flush=True)
        _kg("build", cache / f"corpus-{articles}", "-o", out, "--jobs", "2")
    return out / "facts.jsonl"


def copied_graph(facts_file: Path, copies: int, path: Path) -> Path:
    """The graph of the facts in `facts_file` taken `copies` times, each copy's articles renamed, as one
    corpus: resolved and written as `kg build` would write a corpus of that many articles."""
    from kg.pipeline import read_facts
    from kg.rdf import corpus_graph, write_graph
    from kg.resolve import resolve

    if path.is_file():
        return path
    print(f"writing the graph of {copies} copies of the facts (once) ...", flush=True)
    facts = read_facts(facts_file).facts
    copied = tuple(dataclasses.replace(f, article=dataclasses.replace(
        f.article, id=f"copy-{n:02d}/{f.article.id}", source=f"copy-{n:02d}/{f.article.source}",
        file=f"copy-{n:02d}/{f.article.file}")) for n in range(copies) for f in facts)
    write_graph(corpus_graph(copied, resolve(copied)), path)
    return path


def loaded_store(graph: Path, store: Path) -> Path:
    if not store.is_dir():
        print("loading it into an on-disk store (once) ...", flush=True)
        _kg("load", graph, "--store", store)
    return store


def best_of(repeat: int, run) -> tuple[float, object]:
    """The shortest of `repeat` wall times of `run()`, and what it returned."""
    times, answer = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        answer = run()
        times.append(time.perf_counter() - started)
    return min(times), answer


def digest(columns, rows) -> str:
    """A short fingerprint of an answer: its columns and rows, in order."""
    return hashlib.sha1(repr((tuple(columns), tuple(rows))).encode("utf-8")).hexdigest()[:10]


def cases() -> list[tuple[str, str, dict[str, str]]]:
    """(label, query, params): every query without parameters, then each parameterised one with its own."""
    names = list(bundled_queries())
    return ([(name, name, {}) for name in names]
            + [(f"{name} {' '.join(f'{k}={v}' for k, v in PARAMS[name].items())}", name, PARAMS[name])
               for name in names if name in PARAMS])


def same_answer(result, other) -> str:
    """'same' when two answers have the same columns and rows in order; 'same set' when they differ
    only in the order of the values inside GROUP_CONCAT cells; else 'DIFFERENT'."""
    if (result.columns, result.rows) == (other.columns, other.rows):
        return "same"
    cells = lambda rows: [tuple(" | ".join(sorted(c.split(" | "))) for c in row) for row in rows]  # noqa: E731
    return "same set" if result.columns == other.columns and cells(result.rows) == cells(other.rows) else "DIFFERENT"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="generated articles to parse (default 300)")
    parser.add_argument("--copies", type=int, default=10, help="copies of their facts in the graph (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query; the best counts (default 3)")
    parser.add_argument("--against", type=Path, help="also time the .rq file of the same name in this folder")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"where the build is kept (default {CACHE})")
    args = parser.parse_args()

    args.cache.mkdir(parents=True, exist_ok=True)
    name = f"{args.articles}x{args.copies}"
    graph = copied_graph(parsed_facts(args.cache, args.articles), args.copies, args.cache / f"graph-{name}.ttl")
    store = loaded_store(graph, args.cache / f"store-{name}")

    def library(query: str, params: dict[str, str]):
        return lambda: run_store_query(store, query, params)

    def command(query: str, params: dict[str, str]):
        flags = [f"--param={k}={v}" for k, v in params.items()]
        return lambda: subprocess.run([str(KG), "query", str(store), query, *flags, "--format", "csv"],
                                      check=True, capture_output=True, text=True).stdout

    count_library, counted = best_of(args.repeat, library(COUNT, {}))
    count_command, _ = best_of(args.repeat, command(COUNT, {}))
    print(f"\n{counted.rows[0][0]} triples in {store}; best of {args.repeat} runs each\n")
    against = f" {'against s':>10} {'× slower':>9}  answer" if args.against else ""
    header = f"{'query':<36} {'rows':>7} {'library s':>10} {'× count':>8} {'kg query s':>11} {'× count':>8}  digest    " + against
    print(header)
    print("-" * len(header))
    print(f"{'COUNT(*) (the baseline)':<36} {1:>7} {count_library:>10.3f} {1:>8.1f} {count_command:>11.3f} {1:>8.1f}")
    slowest = 0.0
    for label, query, params in cases():
        seconds, result = best_of(args.repeat, library(query, params))
        command_seconds, _ = best_of(args.repeat, command(query, params))
        slowest = max(slowest, seconds)
        line = (f"{label:<36} {len(result.rows):>7} {seconds:>10.3f} {seconds / count_library:>8.1f} "
                f"{command_seconds:>11.3f} {command_seconds / count_command:>8.1f}  {digest(result.columns, result.rows)}")
        if args.against:
            other_seconds, other = best_of(args.repeat, library(str(args.against / f"{query}.rq"), params))
            line += f" {other_seconds:>10.3f} {other_seconds / seconds:>9.1f}  {same_answer(result, other)}"
        print(line, flush=True)
    print(f"\nslowest query (library): {slowest:.3f} s, {slowest / count_library:.1f} × the count; "
          f"kg query's start-up is about the count's {count_command - count_library:.2f} s")

if __name__ == "__main__":
    main()
