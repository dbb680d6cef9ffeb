"""kg viz: the HTML graph of the fixture store (tests/fixtures/explore.trig)
and of synthetic graphs for size and speed."""
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.query.graph import Source, load_graph
from kg.viz import MAX_NODES, external_references, render, render_graph
from kg.viz.select import Selection

FIXTURE = Path(__file__).parent / "fixtures" / "explore.trig"
KG = "https://w3id.org/minsheng-kg/ontology#"
ID = "https://w3id.org/minsheng-kg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")


def fixture_store(tmp_path: Path, extra=()) -> ox.Store:
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.extend(list(extra))
    return store


def page_data(path: Path) -> tuple[str, list[dict], list[dict]]:
    page = path.read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"var rawNodes = (\[.*?\]);\n", page).group(1))
    edges = json.loads(re.search(r"var rawEdges = (\[.*?\]);\n", page).group(1))
    return page, nodes, edges


def labels(nodes) -> set[str]:
    return {n["label"] for n in nodes}


@pytest.fixture
def store(tmp_path):
    return fixture_store(tmp_path)


# ---------------------------------------------------------------- synthetic graphs

def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph shaped like load_graph's output: places in cities, organizations,
    programs and persons, about 2 edges per node."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    places = [f"{ID}place/{i}" for i in range(max(n // 10, 2))]
    for i, p in enumerate(places):
        g.add_node(p, type="Location", label=f"地点{i}", aliases=[], documents=1, sources=[], level="city")
    kinds = ["Organization", "Program", "Organization", "Program", "Person"]
    others = []
    for i in range(n - len(places)):
        kind = kinds[i % len(kinds)]
        node = f"{ID}{kind.lower()}/{i}"
        g.add_node(node, type=kind, label=f"{kind}{i}", aliases=[f"别名{i}"], documents=1,
                   sources=[Source("合成文档", f"第{i}句。")])
        others.append(node)
    progs = [o for o in others if "/program/" in o]
    orgs = [o for o in others if "/organization/" in o]
    for o in others:
        if "/program/" in o:
            g.add_edge(o, rnd.choice(places), key="operatesIn", predicate="operatesIn", sources=[])
        elif "/organization/" in o:
            g.add_edge(o, rnd.choice(places), key="locatedIn", predicate="locatedIn", sources=[])
            g.add_edge(o, rnd.choice(progs), key="runs", predicate="runs", sources=[Source("合成文档", "主办。")])
        else:
            g.add_edge(o, rnd.choice(orgs), key="memberOf", predicate="memberOf", sources=[], role="主任")
    return g


def synthetic_store(n: int, seed: int = 1) -> ox.Store:
    """The same shape as RDF in one document graph, with mentions."""
    rnd = random.Random(seed)
    store = ox.Store()
    doc = ox.NamedNode(f"{ID}doc/synthetic.txt")
    quads = [ox.Quad(doc, RDF_TYPE, ox.NamedNode(KG + "Document"), doc),
             ox.Quad(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("合成文档", language="zh"), doc)]
    places = [ox.NamedNode(f"{ID}place/{i}") for i in range(max(n // 10, 2))]
    kinds = ["Organization", "Program", "Organization", "Program", "Person"]
    nodes = [(p, "Location") for p in places]
    nodes += [(ox.NamedNode(f"{ID}{kinds[i % 5].lower()}/{i}"), kinds[i % 5]) for i in range(n - len(places))]
    progs = [s for s, k in nodes if k == "Program"]
    orgs = [s for s, k in nodes if k == "Organization"]
    for i, (s, kind) in enumerate(nodes):
        quads += [ox.Quad(s, RDF_TYPE, ox.NamedNode(KG + kind), doc),
                  ox.Quad(s, LABEL, ox.Literal(f"{kind}{i}", language="zh"), doc),
                  ox.Quad(doc, ox.NamedNode(KG + "mentions"), s, doc)]
        m = ox.NamedNode(f"{ID}mention/{i}")
        quads += [ox.Quad(m, RDF_TYPE, ox.NamedNode(KG + "Mention"), doc),
                  ox.Quad(m, ox.NamedNode(KG + "refersTo"), s, doc),
                  ox.Quad(m, ox.NamedNode(KG + "sentence"), ox.Literal(f"第{i}句提到{kind}{i}。"), doc)]
        if kind == "Location":
            quads.append(ox.Quad(s, ox.NamedNode(KG + "level"), ox.Literal("city"), doc))
        elif kind == "Program":
            quads.append(ox.Quad(s, ox.NamedNode(KG + "operatesIn"), rnd.choice(places), doc))
        elif kind == "Organization":
            quads += [ox.Quad(s, ox.NamedNode(KG + "locatedIn"), rnd.choice(places), doc),
                      ox.Quad(s, ox.NamedNode(KG + "runs"), rnd.choice(progs), doc)]
        else:
            quads.append(ox.Quad(s, ox.NamedNode(KG + "memberOf"), rnd.choice(orgs), doc))
    store.extend(quads)
    return store


# ---------------------------------------------------------------- drawing

def test_viz_draws_whole_graph_by_type_with_sizes_edge_labels_and_legend(store, tmp_path):
    result = render(store, tmp_path / "all.html")
    page, nodes, edges = page_data(result.path)
    assert (result.nodes, result.edges, result.left_out) == (35, 55, 0) and result.physics
    by_label = {n["label"]: n for n in nodes}
    assert by_label["共青团新乡市委员会"]["kgType"] == "Organization"
    assert by_label["青翼家园"]["shape"] == "diamond" and by_label["新乡市"]["shape"] == "triangle"
    assert by_label["共青团新乡市委员会"]["color"] != by_label["青翼家园"]["color"]
    assert by_label["新乡市"]["size"] > by_label["高敏"]["size"]  # size by degree
    assert {e["label"] for e in edges} == {"runs", "partnerOf", "operatesIn", "locatedIn", "partOf", "memberOf",
                                           "issuedBy", "indicator", "refArea", "about"}
    assert [e for e in edges if e["label"] == "partnerOf"][0]["arrows"] == ""
    for kind in ("Organization", "Program", "Location", "Person", "PolicyDocument", "Indicator", "Observation"):
        assert f'class="kg-filter" value="{kind}"' in page  # legend entry with its type filter
    assert "the whole graph" in page


def test_viz_tooltips_show_aliases_and_source_sentences_with_documents(store, tmp_path):
    _, nodes, edges = page_data(render(store, tmp_path / "t.html").path)
    org = next(n for n in nodes if n["label"] == "共青团新乡市委员会")
    assert "团市委、新乡团市委" in org["title"]
    assert "团市委联合市教育局打造“青翼家园”青少年心理健康服务平台。" in org["title"]
    assert "新乡市“青翼家园”青少年心理健康服务工作总结" in org["title"]
    runs = next(e for e in edges if e["label"] == "runs" and e["from"].endswith("共青团濮阳市委员会")
                and e["to"].endswith("青翼家园"))
    assert "濮阳团市委与新乡团市委签署合作协议" in runs["title"] and "濮阳市启动“青翼家园”项目" in runs["title"]
    member = next(e for e in edges if e["label"] == "memberOf" and e["from"].endswith("高敏"))
    assert "副书记" in member["title"]


def test_viz_focus_matches_label_or_alias_and_follows_hops(store, tmp_path):
    by_alias = labels(page_data(render(store, tmp_path / "a.html", focus="团市委").path)[1])
    by_label = labels(page_data(render(store, tmp_path / "b.html", focus="共青团新乡市委员会").path)[1])
    assert by_alias == by_label
    one = labels(page_data(render(store, tmp_path / "c.html", focus="青翼家园", hops=1).path)[1])
    two = labels(page_data(render(store, tmp_path / "d.html", focus="青翼家园", hops=2).path)[1])
    assert {"青翼家园", "共青团新乡市委员会", "共青团濮阳市委员会", "新乡市", "华龙区"} <= one < two
    assert "高敏" not in one and "高敏" in two
    assert "长者助餐" not in two  # places are not expanded: 苏州 stays out
    with pytest.raises(QueryError, match="no entity"):
        render(store, tmp_path / "e.html", focus="不存在的机构")


def test_viz_city_and_program_views(store, tmp_path):
    city = labels(page_data(render(store, tmp_path / "city.html", city="新乡市").path)[1])
    assert {"新乡市", "红旗区", "西街街道", "青翼家园", "12355青少年服务台", "共青团新乡市委员会", "高敏",
            "新乡市青少年心理健康促进行动方案"} <= city
    assert "长者助餐" not in city and "王强" not in city
    prog = labels(page_data(render(store, tmp_path / "p.html", program="长者助餐").path)[1])
    assert {"长者助餐", "苏州市民政局", "姑苏区", "苏州市慈善总会"} <= prog and "青翼家园" not in prog
    with pytest.raises(QueryError, match="choose one"):
        render(store, tmp_path / "x.html", city="新乡市", program="长者助餐")


def test_viz_draws_a_canned_query_result(store, tmp_path):
    result = render(store, tmp_path / "q.html", query="programs-in-several-cities")
    assert labels(page_data(result.path)[1]) == {"青翼家园", "12355青少年服务台"}
    wider = render(store, tmp_path / "q1.html", query="programs-in-several-cities", params={"min_cities": "3"}, hops=1)
    assert {"12355青少年服务台", "共青团苏州市委员会", "红旗区"} <= labels(page_data(wider.path)[1])
    with pytest.raises(QueryError, match="names no entity"):
        render(store, tmp_path / "q2.html", query="SELECT ?x WHERE { BIND(1 AS ?x) }")


# ---------------------------------------------------------------- safety

def test_viz_escapes_document_text(tmp_path):
    doc = ox.NamedNode(ID + "doc/evil.txt")
    evil = ox.NamedNode(ID + "org/evil")
    store = fixture_store(tmp_path, [
        ox.Quad(evil, RDF_TYPE, ox.NamedNode(KG + "Organization"), doc),
        ox.Quad(evil, LABEL, ox.Literal("<script>alert(1)</script>", language="zh"), doc),
        ox.Quad(evil, ALT, ox.Literal('"onmouseover=alert(2) x="<img src=x onerror=alert(3)>', language="zh"), doc),
        ox.Quad(evil, ox.NamedNode(KG + "runs"), ox.NamedNode(ID + "program/青翼家园"), doc),
        ox.Quad(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("</script><b>title</b>"), doc),
        ox.Quad(ox.NamedNode(ID + "mention/evil"), ox.NamedNode(KG + "refersTo"), evil, doc),
        ox.Quad(ox.NamedNode(ID + "mention/evil"), RDF_TYPE, ox.NamedNode(KG + "Mention"), doc),
        ox.Quad(ox.NamedNode(ID + "mention/evil"), ox.NamedNode(KG + "sentence"),
                ox.Literal("它说<iframe src=//evil.example></iframe>&amp;"), doc),
    ])
    result = render(store, tmp_path / "evil.html", focus="青翼家园", hops=1,
                    title='<script>alert("title")</script>')
    page, nodes, _ = page_data(result.path)
    for raw in ("<script>alert", "</script><b>", '"onmouseover=', '\\"onmouseover=', "<img src=x", "<iframe",
                "evil.example></"):
        assert raw not in page, raw
    assert len(re.findall(r"<script\b", page)) == 3  # the template's own, nothing else
    node = next(n for n in nodes if n["id"] == ID + "org/evil")
    assert node["label"] == "<script>alert(1)</script>"  # drawn on the canvas as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in node["title"]
    assert "&quot;onmouseover=alert(2) x=&quot;&lt;img src=x onerror=alert(3)&gt;" in node["title"]
    assert "&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;&amp;amp;" in node["title"]
    assert "&lt;/script&gt;&lt;b&gt;title&lt;/b&gt;" in node["title"]
    assert "<title>&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;</title>" in page
    # the page's policy allows exactly its own three scripts
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', page).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert "unsafe-inline" not in policy.split("style-src")[0] and "default-src 'none'" in policy


def test_load_graph_sources_by_title_then_position_and_one_edge_per_partnership(tmp_path):
    """Sources: by document title, then kg:start in the document (none: last),
    then sentence; the first max_sources. A partnership stated both ways is one
    edge, from the smaller IRI."""
    title, sentence, start = (ox.NamedNode(u) for u in (
        "http://purl.org/dc/terms/title", KG + "sentence", KG + "start"))
    org, other = ox.NamedNode(ID + "org/B组织"), ox.NamedNode(ID + "org/A组织")
    quads = []
    for d, name in (("b", "B文档"), ("a", "A文档")):
        doc = ox.NamedNode(f"{ID}doc/{d}.txt")
        quads += [ox.Quad(doc, title, ox.Literal(name, language="zh"), doc),
                  ox.Quad(org, RDF_TYPE, ox.NamedNode(KG + "Organization"), doc),
                  ox.Quad(other, RDF_TYPE, ox.NamedNode(KG + "Organization"), doc)]
    for i, (d, pos) in enumerate((("b", 50), ("b", None), ("b", 5), ("a", 100), ("b", 20), ("b", 5))):
        doc, m = ox.NamedNode(f"{ID}doc/{d}.txt"), ox.NamedNode(f"{ID}mention/s{i}")
        quads += [ox.Quad(m, RDF_TYPE, ox.NamedNode(KG + "Mention"), doc),
                  ox.Quad(m, ox.NamedNode(KG + "refersTo"), org, doc),
                  ox.Quad(m, sentence, ox.Literal(f"{d}{pos}句。"), doc)]
        if pos is not None:
            quads.append(ox.Quad(m, start, ox.Literal(pos), doc))
    partner = ox.NamedNode(KG + "partnerOf")
    quads += [ox.Quad(org, partner, other, ox.NamedNode(ID + "doc/b.txt")),
              ox.Quad(other, partner, org, ox.NamedNode(ID + "doc/a.txt"))]
    store = fixture_store(tmp_path, quads)
    g = load_graph(store)
    assert g.nodes[org.value]["sources"] == [Source("A文档", "a100句。"), Source("B文档", "b5句。"),
                                             Source("B文档", "b20句。")]
    assert [s.sentence for s in load_graph(store, max_sources=9).nodes[org.value]["sources"]] == [
        "a100句。", "b5句。", "b20句。", "b50句。", "bNone句。"]
    assert [(a, b) for a, b, k in g.edges(keys=True) if k == "partnerOf" and org.value in (a, b)] == [
        (other.value, org.value)]  # A组织 < B组织


def test_viz_page_is_self_contained(store, tmp_path):
    page = render(store, tmp_path / "all.html").path.read_text(encoding="utf-8")
    assert external_references(page) == []
    assert not re.search(r"<(link|iframe|img|object|embed)\b", page)
    assert not re.search(r"""<[a-zA-Z][^<>]*\s(src|href)\s*=""", page)  # no tag loads anything
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap"):
        assert cdn not in page, cdn
    assert "sourceMappingURL" not in page
    assert "new vis.Network(" in page and ".vis-network" in page  # vis-network JS and CSS inlined
    # the only http(s) strings left are IRIs shown as text and vis-network's own comments and constants
    vendor_ok = ("http://www.w3.org/2000/svg", "http://almende.com", "http://opensource.org/licenses/MIT",
                 "http://www.apache.org/licenses/LICENSE-2.0", "https://github.com/", "https://visjs.github.io/")
    for url in re.findall(r"https?://[^\s\"'<>)]*", page):
        assert url.startswith(ID) or url.startswith(vendor_ok), url


def test_only_kg_viz_imports_pyvis():
    root = Path(__file__).parents[1] / "kg"
    users = {p.relative_to(root).parts[0] for p in root.rglob("*.py")
             if re.search(r"^\s*(import|from)\s+pyvis\b", p.read_text(encoding="utf-8"), re.MULTILINE)}
    assert users <= {"viz"}


# ---------------------------------------------------------------- size and speed

def test_viz_caps_large_graphs_turns_physics_off_and_says_what_was_left_out(tmp_path):
    g = synthetic_graph(3000)
    result = render_graph(g, Selection(set(g.nodes), description="synthetic"), tmp_path / "big.html")
    page, nodes, edges = page_data(result.path)
    assert result.nodes == len(nodes) == MAX_NODES and result.left_out == 1500
    assert not result.physics and all("x" in n and "y" in n for n in nodes)
    assert '"physics": {"enabled": false' in page
    assert "1500 nodes and" in page and "edges are left out" in page and "physics is off" in page
    kept = {n["id"] for n in nodes}
    degree = dict(g.degree)
    assert min(degree[n] for n in kept) >= max(degree[n] for n in g if n not in kept)  # best-connected kept
    assert all(e["from"] in kept and e["to"] in kept for e in edges)


def _best_time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def test_viz_generation_time_grows_linearly(tmp_path):
    small, large = synthetic_store(1000), synthetic_store(20000)
    render(small, tmp_path / "warm.html")  # imports, vendor files
    for cap in (MAX_NODES, None):  # the default cap, and every node drawn
        t_small = _best_time(lambda: render(small, tmp_path / "small.html", max_nodes=cap))
        t_large = _best_time(lambda: render(large, tmp_path / "large.html", max_nodes=cap))
        print(f"\nviz generation (max_nodes={cap}): 1,000 nodes {t_small:.3f} s, "
              f"20,000 nodes {t_large:.3f} s ({t_large / t_small:.1f}x)")
        assert t_large < 30 * t_small
