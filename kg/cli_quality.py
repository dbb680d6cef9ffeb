"""Commands about extraction quality: `kg eval` and `kg explain`."""
from __future__ import annotations

import json
import sys

import click

from kg.errors import KGError


def register(main: click.Group) -> None:
    @main.command("eval")
    @click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False), help="Folder of gold .json files.")
    @click.argument("graph", type=click.Path(exists=True))
    @click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
    def eval_cmd(gold_dir, graph, as_json):
        """Score a build (output folder, .trig or .nq) against gold annotations."""
        from kg.eval import evaluate, format_table

        try:
            report = evaluate(gold_dir, graph)
        except KGError as e:
            raise click.ClickException(str(e))
        if as_json:
            click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        else:
            click.echo(format_table(report))

    @main.command()
    @click.argument("name")
    @click.option("--store", "store_dir", required=True, help="A build's output folder or its store/ folder.")
    @click.option("--json", "as_json", is_flag=True)
    def explain(name, store_dir, as_json):
        """Show an entity's labels, aliases, types, relations and the sentences behind them."""
        from kg.explain import explain as _explain, format_explanation

        try:
            found = _explain(name, store_dir)
        except KGError as e:
            raise click.ClickException(str(e))
        if not found:
            click.echo(f"no entity labelled {name!r}", err=True)
            sys.exit(1)
        if as_json:
            click.echo(json.dumps([x.as_dict() for x in found], ensure_ascii=False, indent=1))
        else:
            click.echo("\n\n".join(format_explanation(x) for x in found))
