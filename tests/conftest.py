import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"


EXPLORE_FIXTURE = REPO / "tests" / "fixtures" / "explore.trig"


def load_explore_fixture(folder: Path) -> Path:
    """A build-like folder whose store/ holds the hand-written explore fixture graph."""
    import gc

    import pyoxigraph as ox

    store = ox.Store(str(folder / "store"))
    store.load(path=str(EXPLORE_FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()  # release the store's lock before others open it
    return folder


@pytest.fixture(scope="module")
def explore_store_dir(tmp_path_factory) -> Path:
    return load_explore_fixture(tmp_path_factory.mktemp("explore-build"))


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
def probe_build(tmp_path_factory):
    """tests/fixtures/probe: 28 documents written and annotated (tests/gold_probe)
    by eight readers who had not seen the rules (two to four each)."""
    from kg.api import build

    out = tmp_path_factory.mktemp("probe") / "out"
    report = build([Path(__file__).parent / "fixtures" / "probe"], out, progress=False)
    return out, report


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, corpus_dir):
    from kg.api import build

    out = tmp_path_factory.mktemp("corpus") / "out"
    report = build([corpus_dir], out, progress=False)
    return out, report
