"""Do a change's outputs stay byte for byte what they were? Fingerprints of whole builds, through the CLI.

A refactor promises to change nothing a user gets. This script builds four corpora with `kg build` and
prints the SHA-256 of every output file, so two checkouts (or one before and after a change) can be
compared line by line:

- the seed folder (`seeds/`) and the notebooks' corpus (`notebooks/corpus/`),
- the 24 press releases of `bench/news.py`, as one JSON-lines corpus with titles and dates,
- the 20 WikiEvents dev articles (`../shared/data/wikievents/dev.jsonl`), as a folder of .txt files,
- the 231 CoNLL04 dev sentences (`../shared/data/conll04/dev.jsonl`), one JSON-lines record each,
- the 300 generated articles of `bench/corpus.py` (about a minute; `--only` leaves corpora out).

`facts.jsonl` records the absolute path each article was read from (so that `--update` can tell a
namesake from another folder apart); that field, and the header line whose checksum covers it, are
left out of its fingerprint, so checkouts in two folders compare equal.

    .venv/bin/python bench/identical.py > /tmp/before.txt     # on the old code
    .venv/bin/python bench/identical.py | diff /tmp/before.txt -   # on the new: no output means identical
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = next((base / "shared" / "data" for base in (ROOT.parent, ROOT.parent.parent)
               if (base / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data")
FILE_FIELD = re.compile(rb'"file":"(?:[^"\\]|\\.)*"')


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else ["kg"]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def corpora(tmp: Path) -> dict[str, Path]:
    """The inputs, by name: the seed folder as it is, the others written into `tmp`."""
    sys.path.insert(0, str(HERE))
    from corpus import write_corpus
    from news import load_articles

    news = [{"id": a.id, "title": a.title, "text": a.body, "url": a.url, **({"published": a.published} if a.published else {})}
            for a in load_articles("")]
    wiki = tmp / "wikievents"
    wiki.mkdir()
    for line in (SHARED / "wikievents" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            (wiki / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    conll = [{"id": s["id"], "text": s["text"]}
             for s in map(json.loads, (SHARED / "conll04" / "dev.jsonl").read_text(encoding="utf-8").splitlines())]
    generated = tmp / "corpus-300"
    write_corpus(generated, 300)
    return {"seed": ROOT / "seeds", "notebooks": ROOT / "notebooks" / "corpus",
            "news": write_jsonl(tmp / "news.jsonl", news), "wikievents": wiki,
            "conll04-dev": write_jsonl(tmp / "conll04.jsonl", conll), "corpus-300": generated}


def fingerprint(path: Path) -> str:
    data = path.read_bytes()
    if path.name == "facts.jsonl":  # without the paths, and the header whose checksum covers them
        data = FILE_FIELD.sub(b'"file":""', data.partition(b"\n")[2])
    return hashlib.sha256(data).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="build only the corpora whose names start with one of these "
                        "(comma-separated: --only seed,news)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, source in corpora(tmp).items():
            if not name.startswith(tuple(args.only.split(","))):
                continue
            out = tmp / f"out-{name}"
            build = subprocess.run([*kg_command(), "build", str(source), "-o", str(out)], capture_output=True, text=True)
            if build.returncode:
                sys.exit(f"bench: kg build {name} failed:\n{build.stderr}")
            print(f"{name}: {build.stdout.strip().splitlines()[-1]}")
            for file in sorted(out.iterdir()):
                print(f"  {file.name:<12} {fingerprint(file)}")


if __name__ == "__main__":
    main()
