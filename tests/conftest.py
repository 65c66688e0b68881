"""Shared fixtures: the seed built once per session, and the installed `kg` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KG = Path(sys.executable).parent / "kg"


def run_kg(*args: str, cwd: Path | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """Run the installed `kg` console script, capturing its output."""
    result = subprocess.run([str(KG), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(map(str, args))} failed:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """The seed article built by `kg build seeds -o DIR`; returns DIR."""
    out = tmp_path_factory.mktemp("seed-build")
    run_kg("build", SEEDS, "-o", out, "--jobs", "1", check=True)
    return out


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()
