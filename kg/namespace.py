"""Vocabularies of the graph, as rdflib `DefinedNamespace`s.

W3C ORG, PROV-O, SKOS and schema.org come with rdflib; SEM and NIF are declared here for the few terms
the project uses; `KG` holds the project's own terms, defined in `ontology/kg.ttl`.
"""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

# Where the project's instances live: entities, roles, events, evidence and documents.
KGR = Namespace("https://w3id.org/kg-news/id/")
# The CAMEO event taxonomy as a SKOS concept scheme (concepts defined in ontology/kg.ttl).
CAMEO = Namespace("https://w3id.org/kg-news/cameo/")
# The named graph of what documents share (entities, roles, CAMEO concepts) in TriG / N-Quads exports;
# each document's own facts are in a graph named by the document's IRI.
ENTITIES_GRAPH = KGR["graph/entities"]


class KG(DefinedNamespace):
    """The kg news ontology: what the extractor states about people, organizations and events."""

    _NS = Namespace("https://w3id.org/kg-news/ontology#")
    _fail = True

    # Classes
    Person: URIRef  # a human being named in the news
    Organization: URIRef  # a government body, company, armed group, party, institution
    Place: URIRef  # a named place: city, region, facility
    Country: URIRef  # a sovereign state; also stands for its government
    Event: URIRef  # something an actor did, to a target or not, as one sentence reports it
    Evidence: URIRef  # the stretch of a document that states a fact
    Document: URIRef  # one news article
    EventClass: URIRef  # a class of events: verbal or material, cooperation or conflict
    NominalParty: URIRef  # a participant its article names by a noun phrase only: "several oil tankers"

    # Properties
    actor: URIRef  # who acts in an event
    target: URIRef  # whom or what an event is directed at
    action: URIRef  # the lemma of the verb that states the event
    eventType: URIRef  # the CAMEO root category of an event
    eventClass: URIRef  # the quad class of a CAMEO category
    negated: URIRef  # the text says the event did not happen
    modality: URIRef  # "asserted" or "hypothetical"
    former: URIRef  # a membership the text says has ended
    evidence: URIRef  # the evidence of a fact
    document: URIRef  # the document an evidence is in
    sentence: URIRef  # the text of the sentence that states a fact
    sentenceStart: URIRef  # character offset of the sentence in its document
    sentenceEnd: URIRef  # character offset just past the sentence
    source: URIRef  # where a document came from: its file name
    mentionCount: URIRef  # how many times the corpus names an entity
    headLemma: URIRef  # the lemma of a nominal party's head noun: "tanker"
    kind: URIRef  # a nominal party's coarse kind: people, forces, vessel, facility, ...
    quantity: URIRef  # how many a nominal party is: "126 people" → 126
    quantityQualifier: URIRef  # how the quantity is bounded: "more than"
    timeText: URIRef  # an event's date expression as written: "On Friday"


class SEM(DefinedNamespace):
    """Simple Event Model: the terms the graph writes (ontology/kg.ttl, in Turtle, also names sem:Event, sem:Actor,
    sem:hasActor and sem:eventType, which the code never does)."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    hasPlace: URIRef  # where an event happened
    hasTimeStamp: URIRef  # when an event happened, as an xsd date, month or year


class NIF(DefinedNamespace):
    """NLP Interchange Format core: the terms the graph writes, character offsets of a string in its document."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    beginIndex: URIRef  # offset of the first character of the evidence
    endIndex: URIRef  # offset just past its last character
