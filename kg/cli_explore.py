"""`kg queries`, `kg serve`, `kg viz`, `kg stats`: the query-and-explore commands.
kg/cli.py calls register(main) when this module exists."""
from __future__ import annotations

import json

import click

from kg.errors import KGError

STORE_HELP = "A build's output folder or its store/ folder."


def _params(pairs) -> dict[str, str]:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r}: expected name=value", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def queries_cmd(fmt):
    """List the canned queries (run one with `kg query NAME --store DIR`)."""
    from kg.query import describe, list_queries

    qs = list_queries()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "title": q.title, "answers": q.answers, "example": q.example,
                                "params": [{"name": p.name, "default": p.default, "kind": p.kind} for p in q.params]}
                               for q in qs], ensure_ascii=False, indent=1))
        return
    width = max((len(q.name) for q in qs), default=0)
    for q in qs:
        click.echo(f"{q.name.ljust(width)}  {q.title}")
        if q.params:
            click.echo(f"{'':{width}}    params: {describe(q)}")
    click.echo(f"({len(qs)} queries; `kg query NAME --param name=value --store DIR`)", err=True)


@click.command("serve")
@click.option("--store", "store_dir", required=True, help=STORE_HELP)
@click.option("--port", default=7878, show_default=True, help="TCP port (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the store to the network.")
@click.option("--writable", is_flag=True, help="Accept SPARQL Update at /update (the store is locked for other writers).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (browser notebooks on other ports).")
def serve_cmd(store_dir, port, host, writable, cors):
    """SPARQL 1.1 endpoint (Oxigraph's server) with its web query page, until Ctrl-C."""
    from kg.serve import start_server

    try:
        handle = start_server(store_dir, port=port, writable=writable, host=host, cors=cors)
    except KGError as e:
        raise click.ClickException(str(e))
    mode = "read-write" if writable else "read-only"
    click.echo(f"serving {handle.store_dir} ({mode}, union of the named graphs as default graph)", err=True)
    click.echo(f"  query page  {handle.url}/", err=True)
    click.echo(f"  SPARQL      {handle.query_url}", err=True)
    if writable:
        click.echo(f"  update      {handle.update_url}", err=True)
    click.echo("Ctrl-C stops it.", err=True)
    try:
        code = handle.wait()
        if code:
            raise click.ClickException(f"oxigraph stopped with status {code}")
    except KeyboardInterrupt:
        click.echo("stopping", err=True)
    finally:
        handle.stop()


@click.command("viz")
@click.option("--store", "store_dir", required=True, help=STORE_HELP)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--query", default=None, help="Draw the entities of a canned query's result (or SPARQL text).")
@click.option("--param", "params", multiple=True, help="name=value for --query.")
@click.option("--focus", default=None, help="Draw the neighbourhood of the entity with this label or alias.")
@click.option("--city", default=None, help="Draw a city, the places in it and what is around them.")
@click.option("--program", default=None, help="Draw a program and what is around it.")
@click.option("--hops", type=click.IntRange(0, 6), default=None,
              help="Neighbourhood radius (default 2 for --focus/--city/--program, 0 for --query).")
@click.option("--max-nodes", type=click.IntRange(1), default=1500, show_default=True,
              help="Draw at most this many nodes (the best-connected).")
@click.option("--no-observations", is_flag=True, help="Leave out observations and indicators.")
@click.option("--title", default=None, help="Page title.")
def viz_cmd(store_dir, out, query, params, focus, city, program, hops, max_nodes, no_observations, title):
    """Interactive HTML graph (self-contained, works offline)."""
    from kg.viz import render

    if params and not query:
        raise click.UsageError("--param goes with --query")
    try:
        result = render(store_dir, out, query=query, params=_params(params), focus=focus, city=city,
                        program=program, hops=hops, max_nodes=max_nodes, observations=not no_observations,
                        title=title)
    except (KGError, ValueError) as e:
        raise click.ClickException(str(e))
    click.echo(result.summary(), err=True)


@click.command("stats")
@click.option("--store", "store_dir", required=True, help=STORE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--top", default=10, show_default=True, help="Rows per ranking.")
def stats_cmd(store_dir, as_json, top):
    """Counts, programs by city count, hubs, communities, components and cross-city bridges."""
    from kg.stats import compute, format_table
    from kg.store import open_store

    try:
        report = compute(open_store(store_dir, read_only=True), top=top)
    except KGError as e:
        raise click.ClickException(str(e))
    click.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json else format_table(report))


def register(main: click.Group) -> None:
    for cmd in (queries_cmd, serve_cmd, viz_cmd, stats_cmd):
        main.add_command(cmd)
