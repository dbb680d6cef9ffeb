"""`kg`: a thin command layer over kg.api. Each command turns the API's own
errors into a clear message and an exit status."""
from __future__ import annotations

import csv
import json
import sys

import click

from kg import api
from kg.errors import KGError


def _fail(e: Exception) -> click.ClickException:
    return click.ClickException(str(e))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minsheng-kg")
def main() -> None:
    """minsheng-kg: knowledge graphs from Chinese public-service documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Output folder (store/, graph.*, report.json).")
@click.option("--workers", default=1, show_default=True, help="Extract in N processes.")
@click.option("--prune", is_flag=True, help="Drop graphs of documents no longer in the input.")
@click.option("--force", is_flag=True, help="Re-extract documents even when unchanged.")
@click.option("--segmenter", type=click.Choice(["char", "jieba", "pkuseg"]), default="char", show_default=True,
              help="Word segmenter of the spaCy pipeline (recognition does not depend on it).")
@click.option("--pkuseg-model", default=None, help="spacy-pkuseg model name or folder (with --segmenter pkuseg).")
@click.option("--spacy-model", default=None, help="An installed spaCy Chinese pipeline whose NER runs beside the rules.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def build(paths, out_dir, workers, prune, force, segmenter, pkuseg_model, spacy_model, progress):
    """Build the graph from files, folders or globs into OUT."""
    def on_error(msg: str) -> None:
        click.echo(f"error: {msg}", err=True)

    try:
        report = api.build(list(paths), out_dir, workers=workers, prune=prune, segmenter=segmenter,
                           pkuseg_model=pkuseg_model, spacy_model=spacy_model, progress=progress, force=force,
                           on_error=on_error)
    except KGError as e:
        raise _fail(e)
    summary = report.as_dict()["summary"]
    click.echo(f"{out_dir}: " + ", ".join(f"{n} {s}" for s, n in sorted(summary.items())), err=True)
    for d in report.documents:
        for w in d.get("warnings", []):
            click.echo(f"warning: {d['path'] or d['source']}: {w['message']}", err=True)
    if not report.ok:
        sys.exit(1)


def _emit(result: api.QueryResult, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result.as_dicts(), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(result.variables)
        w.writerows([["" if v is None else v for v in row] for row in result.rows])
    else:
        widths = [len(v) for v in result.variables]
        cells = [["" if v is None else v for v in row] for row in result.rows]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row)]
        click.echo("  ".join(v.ljust(w) for v, w in zip(result.variables, widths)))
        for row in cells:
            click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths)))
        click.echo(f"({len(cells)} rows)", err=True)


@main.command()
@click.argument("query")
@click.option("--store", "store_dir", required=True, help="A build's output folder or its store/ folder.")
@click.option("--param", "params", multiple=True, help="name=value, bound as an RDF term (canned queries).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(query, store_dir, params, fmt):
    """Run SPARQL (text, a .rq file, or a canned query's name) against a store."""
    from kg.query import run_named_or_text

    try:
        result = run_named_or_text(query, store_dir, dict(p.split("=", 1) for p in params))
    except (KGError, ValueError) as e:
        raise _fail(e)
    _emit(result, fmt)


@main.command()
@click.option("--store", "store_dir", required=True, help="A build's output folder or its store/ folder.")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "trig", "nq", "jsonld"]), default="ttl", show_default=True)
@click.option("--out", "dest", required=True, type=click.Path(dir_okay=False), help="File to write.")
def export(store_dir, fmt, dest):
    """Export the store: trig/nq/jsonld keep the named graphs, ttl/nt hold the merged graph."""
    try:
        path = api.export(store_dir, fmt, dest)
    except KGError as e:
        raise _fail(e)
    click.echo(str(path), err=True)


@main.command()
@click.option("--out", "out_dir", default="out/demo", show_default=True, type=click.Path(file_okay=False))
def demo(out_dir):
    """Build the bundled sample corpus and print a few query results."""
    from kg.query import demo_queries, run_canned

    report = api.build([str(api.samples_dir())], out_dir, progress=False)
    click.echo(f"built {len(report.documents)} sample documents into {out_dir}")
    for title, name in demo_queries():
        click.echo(f"\n== {title} ({name}) ==")
        _emit(run_canned(name, out_dir), "table")
    if not report.ok:
        sys.exit(1)


def _register_optional() -> None:
    """Commands that live in their own modules (explore, eval, explain)."""
    import importlib

    for module in ("kg.cli_explore", "kg.cli_quality"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
            continue
        mod.register(main)


_register_optional()

if __name__ == "__main__":
    main()
