# GENERATED FILE - DO NOT EDIT.
# Generated from ontology/kg.ttl by scripts/gen_vocab.py; regenerate with:
#     python scripts/gen_vocab.py
# tests/test_ontology.py fails when this file and kg.ttl disagree.
"""The kg: vocabulary as an rdflib DefinedNamespace.

Referencing a term that ontology/kg.ttl does not define raises
AttributeError (`_fail = True`), so a typo cannot mint a stray IRI.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """minsheng-kg ontology, version 0.1.0."""

    _fail = True
    _NS = Namespace("https://w3id.org/minsheng-kg/ontology#")

    # Classes
    Assertion: URIRef  # A relation between entities as a document states it: the triple is asserted plainly and also reified on an assertion node (rdf:subject, rdf:predicate, rdf:object) that carries its evidence sentence, offsets and the extraction rule.
    Document: URIRef  # A source document.
    Indicator: URIRef  # What an observation counts (for example 个案咨询, 完成率); shared across documents and cities.
    Location: URIRef  # A named place or administrative division.
    Mention: URIRef  # One place where a document names an entity: the surface form, the sentence, and character offsets in the normalized and in the decoded source text.
    Observation: URIRef  # One reported number: an indicator, a value with its unit, and where stated a period, an area and the program it is about, with the sentence it was read from.
    Organization: URIRef  # A named body: a government department, Party or Youth League committee, people's organization, social organization, company, school or hospital.
    Person: URIRef  # A named person.
    PolicyDocument: URIRef  # A named policy, regulation or plan, usually cited in book-title marks 《…》.
    Program: URIRef  # A named initiative, platform, hotline, project, campaign or event.

    # Object properties
    about: URIRef  # The program the number belongs to, when the text ties it to one.
    city: URIRef  # The city the document is about, the one that 市, 我市 and 全市 refer to; it also scopes the IRIs of the people it names.
    inDocument: URIRef  # The source document a mention, assertion or observation was read from; the same document whose named graph holds it.
    indicator: URIRef  # What the observation counts.
    issuedBy: URIRef  # The policy or plan was issued (印发, 出台) by the organization.
    locatedIn: URIRef  # The organization belongs to that place (for example the city whose government or committee it is).
    memberOf: URIRef  # The person holds a post in the organization.
    mentions: URIRef  # The document names the entity (of any entity class, hence no declared range).
    operatesIn: URIRef  # The program is run, or its numbers are counted, in that place.
    partOf: URIRef  # Administrative containment, asserted one level at a time (county to city, city to province).
    partnerOf: URIRef  # The two organizations act jointly (co-organize, co-build, sign an agreement).
    refArea: URIRef  # The place the number is counted for.
    refersTo: URIRef  # The canonical entity the mention names (of any entity class, hence no declared range).
    runs: URIRef  # The organization leads, builds or operates the program.
    subOrganizationOf: URIRef  # The organization is a part, department or subordinate unit of the other.

    # Datatype properties
    divisionCode: URIRef  # The administrative division code of a gazetteer place: six digits (GB/T 2260) for province, city and county, longer statistical codes below; also the key of its IRI.
    end: URIRef  # End of the span, a character offset into the normalized text (exclusive).
    evidence: URIRef  # The sentence the observation or relation was read from, in the normalized text.
    level: URIRef  # The administrative level of a location: one of province, city, county, town or place.
    period: URIRef  # The time the number refers to, as precise as the text states it: an xsd:gYear, xsd:gYearMonth or xsd:date.
    qualifier: URIRef  # A hedge the text puts on the number, as written: 余, 近, 超, 以上, 约 …; kg:value keeps the number itself.
    rawEnd: URIRef  # End of the span as a character offset into the decoded source text, before normalization (exclusive).
    rawStart: URIRef  # Start of the span as a character offset into the decoded source text, before normalization (inclusive).
    rule: URIRef  # Identifier of the recognizer or rule that produced the node, for example org.abbreviation or obs.number-unit.
    sentence: URIRef  # The normalized sentence that contains the mention.
    start: URIRef  # Start of the span, a 0-based character offset into the normalized text (inclusive).
    surface: URIRef  # The words of the mention as they appear in the normalized text (an abbreviation, variant or the full name).
    unit: URIRef  # The unit as written: 人次, 名, 个, 元, % …
    value: URIRef  # The reported number as an xsd:decimal, with 万 and 亿 multiplied out (3.2万 is 32000).
