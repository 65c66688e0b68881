"""Writing outputs so that a failed or interrupted run never leaves a half-written file or set behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError

# The signals a user stops kg with: they wait while a set of outputs is moved into place.
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename.

    >>> with atomic_path("/tmp/kg-doctest.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> Path("/tmp/kg-doctest.txt").read_text()
    'done'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: str | Path, text: str) -> None:
    """Write `text` to `path` atomically, as UTF-8."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


@contextmanager
def output_set(folder: str | Path) -> Iterator[Path]:
    """Yield a hidden staging folder inside `folder` to write a set of outputs into; when the block
    ends without an error, every file in it replaces its namesake in `folder`, one rename each, with
    SIGINT and SIGTERM held until the last is in place. On an error or an interrupt before that, the
    staging folder is removed and `folder` keeps the previous set whole.

    >>> with output_set("/tmp/kg-doctest-set") as stage:
    ...     _ = (stage / "a.txt").write_text("a"), (stage / "b.txt").write_text("b")
    >>> sorted(p.name for p in Path("/tmp/kg-doctest-set").iterdir())
    ['a.txt', 'b.txt']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_stages(folder)
    stage = None
    try:
        # Held while the folder is made and named: a stop that lands just after mkdtemp would otherwise
        # leave a staging folder nobody knows of (a loaded machine did, under the interrupt test).
        with signals_held():
            stage = Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{os.getpid()}-", dir=folder))
        yield stage
        names = sorted(os.listdir(stage))
        with signals_held():
            for name in names:
                os.replace(stage / name, folder / name)
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)


STAGE_PREFIX = ".kg-staging-"


def _remove_abandoned_stages(folder: Path) -> None:
    """Remove the staging folders of builds that were killed outright (SIGKILL, a crash): their process
    is gone. A build still running in the same folder keeps its own."""
    for stage in folder.glob(STAGE_PREFIX + "*"):
        pid = stage.name.removeprefix(STAGE_PREFIX).partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stage, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (they are delivered when the block ends): for steps that must not be cut."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def check_writable_folder(folder: str | Path) -> None:
    """Raise a one-line `KgError` unless `folder` is, or can be made, a folder kg can write files in.

    Checked by doing it: the missing folders are made, a file is made and removed in the last, and the
    folders made are removed again, so that a build fails before its parse, not after.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise KgError(f"output path is not a folder: {folder}")
    made: list[Path] = []
    try:
        missing, existing = [], folder
        while not existing.exists():
            missing.append(existing)
            existing = existing.parent
        if not existing.is_dir():
            raise KgError(f"cannot write to {folder}: {existing} is not a folder")
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
        fd, probe = tempfile.mkstemp(prefix=".kg-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise KgError(f"cannot write to {folder}: {error.strerror or error}") from None
    finally:
        for path in reversed(made):
            try:
                path.rmdir()
            except OSError:
                pass


# A URL fsspec reads: a protocol, or a chain of them ("simplecache::s3://..."), then "://".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*(?:::[A-Za-z][A-Za-z0-9+.-]*)*://")


def is_url(location: str | Path) -> bool:
    """Whether `location` is an fsspec URL rather than a local path.

    >>> is_url("s3://news/2024"), is_url("simplecache::file:///srv/news"), is_url("seeds"), is_url(Path("a://b"))
    (True, True, False, False)
    """
    return isinstance(location, str) and _URL.match(location) is not None


def url_filesystem(url: str):
    """The fsspec filesystem of `url` and the path on it; a protocol whose package is not installed
    (s3fs for s3://) or that fsspec does not know is a one-line `KgError`."""
    try:
        from fsspec.core import url_to_fs

        return url_to_fs(url)
    except ImportError as error:
        raise KgError(f"cannot open {url}: {error} (kg reads and writes URLs through fsspec)") from None
    except (ValueError, OSError) as error:
        raise KgError(f"cannot open {url}: {' '.join(str(error).split()) or type(error).__name__}") from None


@contextmanager
def url_output(url: str, fetch: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield a local folder to write a set of outputs into; when the block ends without an error, its
    files are published to the folder at the fsspec URL `url` as one set.

    Every file is first uploaded under a hidden staging folder beside the old set, then each is moved
    into place, so a failed or interrupted upload leaves the previous set as it was. (On a filesystem
    with renames, the moves are renames; an object store copies each object, the last step only.) The
    files named in `fetch` that `url` holds already (the facts cache an update reads) are downloaded
    into the folder first. The URL is checked before anything else: a build fails in a second, not
    after its parse.

    >>> with url_output("file:///tmp/kg-doctest-url") as folder:
    ...     _ = (folder / "a.txt").write_text("a")
    >>> sorted(p.name for p in Path("/tmp/kg-doctest-url").iterdir())
    ['a.txt']
    """
    fs, root = url_filesystem(url)
    root = root.rstrip("/") or "/"
    try:
        if fs.exists(root) and not fs.isdir(root):
            raise KgError(f"output path is not a folder: {url}")
        fs.makedirs(root, exist_ok=True)
        probe = f"{root}/.kg-probe-{os.getpid()}"
        fs.pipe_file(probe, b"")
        fs.rm_file(probe)
    except KgError:
        raise
    except (OSError, ValueError) as error:
        raise KgError(f"cannot write to {url}: {_reason(error)}") from None
    with tempfile.TemporaryDirectory(prefix="kg-url-") as local:
        folder = Path(local)
        for name in fetch:
            if fs.isfile(f"{root}/{name}"):
                fs.get_file(f"{root}/{name}", str(folder / name))
        yield folder
        stage = f"{root}/{STAGE_PREFIX}{os.getpid()}-{os.urandom(4).hex()}"
        names = sorted(path.name for path in folder.iterdir() if path.is_file())
        try:
            fs.makedirs(stage, exist_ok=True)
            for name in names:
                fs.put_file(str(folder / name), f"{stage}/{name}")
            with signals_held():
                for name in names:
                    fs.mv(f"{stage}/{name}", f"{root}/{name}")
        except (OSError, ValueError) as error:
            raise KgError(f"cannot write to {url}: {_reason(error)}") from None
        finally:
            if fs.exists(stage):
                fs.rm(stage, recursive=True)


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or " ".join(str(error).split()) or type(error).__name__
