"""Ingest: turn files and folders into `Article` records.

Plain text and Markdown are read as they are; HTML is reduced to its main text by trafilatura (no
navigation, scripts or footers); `.jsonl` holds one article per line (fields id, title, text, url,
published). Bytes that are not UTF-8 are decoded with the encoding charset-normalizer detects, with a
warning. A file that cannot be read is reported and skipped so that the rest of a corpus still builds.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about where it came from."""

    id: str  # unique within a corpus and stable across runs: the file's path relative to its input
    source: str  # what a user recognises: the file name, or file name and line for .jsonl
    text: str
    title: str = ""
    url: str = ""
    published: str = ""


class SkippedFile(KgError):
    """A file in a corpus that could not be read; the build goes on without it."""


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Yield the articles in `inputs` (files or folders), in a stable order.

    Folders are walked recursively in sorted order; unsupported suffixes and hidden files are ignored.
    Unreadable files are logged as warnings and skipped. A missing path raises `KgError` at once,
    before anything is read.
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise KgError(f"no such file or directory: {path}")
    return _read_all(paths)


def _read_all(paths: list[Path]) -> Iterator[Article]:
    for path, relative in _expand(paths):
        try:
            yield from _read(path, relative)
        except SkippedFile as skipped:
            log.warning("skipped %s: %s", relative, skipped)


def _expand(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            pairs = [(f, f.relative_to(path).as_posix()) for f in files]
        else:
            pairs = [(path, path.name)]
        for file, relative in pairs:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file, relative


def _read(path: Path, relative: str) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SkippedFile(f"unsupported file type {suffix or '(none)'}; expected one of "
                          + ", ".join(sorted(SUPPORTED_SUFFIXES)))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SkippedFile(error.strerror or str(error)) from None
    text = decode(data, relative)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, relative)
        return
    title = ""
    if suffix in HTML_SUFFIXES:
        title, text = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        title = _markdown_title(text)
    text = _normalise_newlines(text)
    if not text.strip():
        raise SkippedFile("no text")
    yield Article(id=relative, source=relative, text=text, title=title)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8, else as the detected encoding (with a warning); refuse binary data."""
    if b"\x00" in data[:4096]:
        raise SkippedFile("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _looks_binary(str(best)):
        raise SkippedFile("binary data, not text")
    log.warning("%s is not UTF-8; decoded as %s", name, best.encoding)
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return not sample or controls / len(sample) > 0.05


def html_to_text(html: str) -> tuple[str, str]:
    """Return (title, main text) of an HTML page, without navigation, scripts or footers."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_images=False, favor_precision=True, deduplicate=False)
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "") if metadata is not None else ""
    return title.strip(), text or ""


def _markdown_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_jsonl(text: str, relative: str) -> Iterator[Article]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{relative}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            log.warning("skipped %s: not JSON (%s)", where, error.msg)
            continue
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            log.warning("skipped %s: no 'text' field", where)
            continue
        article_id = str(record.get("id") or number)
        yield Article(
            id=f"{relative}#{article_id}",
            source=where,
            text=_normalise_newlines(str(record["text"])),
            title=str(record.get("title") or ""),
            url=str(record.get("url") or ""),
            published=str(record.get("published") or ""),
        )
