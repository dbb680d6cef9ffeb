"""The command line: thin over kg.api, clear errors, exit statuses."""
import json
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


def test_cli_every_command_has_help_text(runner):
    for name, cmd in main.commands.items():
        assert cmd.help and cmd.help.strip(), f"kg {name} has no help text"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name


def test_cli_build_reports_failures_on_stderr_and_exits_1(runner, samples_dir, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(next(samples_dir.glob("04_*.txt")), src / "news.txt")
    (src / "空 文件.txt").write_bytes(b"")
    result = runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 1
    assert "空 文件.txt" in result.stderr and "empty" in result.stderr
    ok = runner.invoke(main, ["build", str(src / "news.txt"), "--out", str(tmp_path / "out2"), "--no-progress"])
    assert ok.exit_code == 0, ok.output


def test_cli_query_formats(runner, sample_build):
    out, _ = sample_build
    q = "SELECT ?l WHERE { ?p a kg:Program ; rdfs:label ?l } ORDER BY ?l LIMIT 3"
    as_json = runner.invoke(main, ["query", q, "--store", str(out), "--format", "json"])
    rows = json.loads(as_json.stdout)
    assert len(rows) == 3 and set(rows[0]) == {"l"}
    as_csv = runner.invoke(main, ["query", q, "--store", str(out / "store"), "--format", "csv"])
    assert as_csv.stdout.splitlines()[0] == "l" and len(as_csv.stdout.splitlines()) == 4
    table = runner.invoke(main, ["query", q, "--store", str(out)])
    assert table.exit_code == 0 and rows[0]["l"] in table.stdout


def test_cli_query_errors_are_clear(runner, sample_build, tmp_path):
    out, _ = sample_build
    bad = runner.invoke(main, ["query", "SELECT WHERE {", "--store", str(out)])
    assert bad.exit_code != 0 and "SPARQL" in bad.output
    nostore = runner.invoke(main, ["query", "SELECT * WHERE {?s ?p ?o}", "--store", str(tmp_path)])
    assert nostore.exit_code != 0 and "no store" in nostore.output


def test_cli_export_formats_load_back(runner, sample_build, tmp_path):
    out, _ = sample_build
    for fmt, rdf in (("nt", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD), ("trig", ox.RdfFormat.TRIG)):
        dest = tmp_path / f"g.{fmt}"
        result = runner.invoke(main, ["export", "--store", str(out), "--format", fmt, "--out", str(dest)])
        assert result.exit_code == 0, result.output
        s = ox.Store()
        s.load(path=str(dest), format=rdf)
        assert len(s) > 100


def test_cli_explain_shows_sources(runner, sample_build):
    out, _ = sample_build
    result = runner.invoke(main, ["explain", "青翼家园", "--store", str(out)])
    assert result.exit_code == 0
    assert "Program" in result.stdout and ".txt" in result.stdout
    missing = runner.invoke(main, ["explain", "不存在的名字", "--store", str(out)])
    assert missing.exit_code == 1


def test_cli_eval_json(runner, sample_build):
    from pathlib import Path

    out, _ = sample_build
    gold = Path(__file__).parent / "gold_samples"
    result = runner.invoke(main, ["eval", "--gold", str(gold), str(out), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert set(report) >= {"entities", "observations", "relations"}


def test_cli_demo_builds_samples_and_prints_results(runner, tmp_path):
    result = runner.invoke(main, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "青翼家园" in result.stdout
    assert (tmp_path / "demo" / "graph.ttl").exists()


def test_cli_reading_commands_do_not_load_the_nlp_pipeline(sample_build):
    """`kg query` and the other reading commands start without spaCy or the
    lexicons (a second of imports); only `kg build` needs them."""
    import subprocess
    import sys

    out, _ = sample_build
    code = ("import sys; from kg.cli import main\n"
            "try:\n"
            f"    main(['query', 'programs-in-several-cities', '--store', {str(out)!r}, '--format', 'csv'])\n"
            "except SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            "print(sorted(m for m in ('spacy', 'kg.nlp', 'kg.build') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert done.stdout.startswith("label,cities,")
