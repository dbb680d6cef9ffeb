import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def samples_dir():
    from kg.api import samples_dir

    return samples_dir()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory, samples_dir):
    """The bundled sample corpus, built once for the session."""
    from kg.api import build

    out = tmp_path_factory.mktemp("samples") / "out"
    report = build([samples_dir], out, progress=False)
    return out, report


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, corpus_dir):
    from kg.api import build

    out = tmp_path_factory.mktemp("corpus") / "out"
    report = build([corpus_dir], out, progress=False)
    return out, report
