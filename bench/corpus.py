"""A deterministic benchmark corpus: articles assembled from the seed article's paragraphs.

    >>> from pathlib import Path
    >>> texts = corpus_texts(Path(__file__).resolve().parent.parent / "seeds" / "voa-soleimani.txt", 3)
    >>> len(texts), texts == corpus_texts(Path(__file__).resolve().parent.parent / "seeds" / "voa-soleimani.txt", 3)
    (3, True)
"""

from __future__ import annotations

import random
from pathlib import Path

SEED_ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "voa-soleimani.txt"
# Paragraphs per generated article: about the length of a short wire story.
PARAGRAPHS_PER_ARTICLE = (8, 16)


def seed_paragraphs(seed: Path = SEED_ARTICLE) -> list[str]:
    """The seed's paragraphs with at least a sentence in them (headings and captions are kept too)."""
    text = seed.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) >= 20]


def corpus_texts(seed: Path = SEED_ARTICLE, count: int = 300) -> list[str]:
    """`count` articles, each a reproducible sample of the seed's paragraphs in a shuffled order."""
    paragraphs = seed_paragraphs(seed)
    texts = []
    for number in range(count):
        rng = random.Random(number)  # one seed per article: article n is the same whatever `count` is
        chosen = rng.sample(paragraphs, rng.randint(*PARAGRAPHS_PER_ARTICLE))
        texts.append("\n\n".join(chosen) + "\n")
    return texts


def write_corpus(out_dir: Path, count: int = 300, seed: Path = SEED_ARTICLE) -> list[Path]:
    """Write the corpus as `article-NNNN.txt` files into `out_dir`; returns the paths in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(corpus_texts(seed, count)):
        path = out_dir / f"article-{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
