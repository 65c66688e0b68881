"""The dependency and entity labels the extraction rules read, each set named once (spaCy's English labels).

A rule says `OBJECTS`, not `{"dobj", "obj"}`: what the set means is written here, once, and a model whose
labels differ is adapted in one place.
"""

from __future__ import annotations

# Active subjects: "Oswald shot Kennedy", "[That he lied] angered them".
SUBJECTS = frozenset({"nsubj", "csubj"})
# Subjects of a passive verb, who undergo it: "Kennedy was shot".
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# Subjects of either voice: what a pronoun in subject position is (kg.extract.coref).
ANY_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
# The "by" phrase of a passive: "shot by Booth".
AGENTS = frozenset({"agent"})
NEGATIONS = frozenset({"neg"})
# Clauses that share the subject of the clause they hang from: "..., killing the leader of ...".
SUBJECTLESS_CLAUSES = frozenset({"advcl", "xcomp", "conj"})
# Complement clauses, whose truth depends on the verb they complete: "did not foresee [X going to war]".
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# Complements that may be a small clause with an adjective or noun predicate: "found him [guilty]".
PREDICATE_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd"})
# Clauses that modify a noun: "the strike [that killed Y]", "a gunman [identified as X]".
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Left modifiers of a noun that may name its owner, author or victim: "Iran's targeting", "the U.S. strike".
OWNER_MODIFIERS = frozenset({"poss", "compound", "amod"})
# Modifiers through which a named country or people qualifies a noun: "Iraqi officials", "U.S. forces".
QUALIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
# Objects of a preposition or of a verb that a pronoun in them can be (kg.extract.coref).
PRONOUN_OBJECTS = frozenset({"dobj", "pobj", "dative"})
# Unnamed noun phrases in these functions are antecedents that block a named one further back (coref).
BLOCKING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
# Dependencies that open a clause of its own: a date or place inside one is that clause's (kg.extract.when).
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "csubjpass", "parataxis", "conj"})
# Left modifiers that belong to the noun phrase of a party: "several oil tankers", "more than 100 members".
PHRASE_DEPS = frozenset({"det", "predet", "amod", "nummod", "compound", "nmod", "quantmod", "poss", "advmod"})
# Positions in which a noun modifies another rather than standing for a participant ("government forces").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
# Positions in which a number stands for whom it counts ("wounded 71"), not for an amount of something.
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})

# Dependency labels of the role rules (kg.extract.roles).
# The words that qualify a role noun: "senior", "deputy", "International Paper's".
ROLE_MODIFIERS = frozenset({"amod", "compound", "nmod", "nn", "poss", "npadvmod", "advmod"})
APPOSITION = frozenset({"appos"})
# How the parser hangs a name from a noun it modifies.
NAME_MODIFIERS = frozenset({"nmod", "compound", "npadvmod"})
RELATIVE_CLAUSES = frozenset({"relcl"})
# Complements of "be", "become", "was named" that state a role: "X became chairman of Y".
ROLE_COMPLEMENTS = frozenset({"attr", "oprd", "xcomp", "acomp", "dobj", "appos"})
# Clauses inside a noun phrase that say something else: an organization in them holds no role.
INNER_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})

# Entity labels.
ORGANIZATION_LABELS = frozenset({"ORG"})
# A country or its people stands for its government: "Iranian Foreign Minister", "U.S. President".
COUNTRY_LABELS = frozenset({"GPE", "NORP"})
# Entities that can stand in a title before a name ("Black Sea Fleet Commander", "Middle East analyst").
TITLE_ENTITY_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Numbers, amounts and times: "Uhodiransomwar, 30, of Kaliningrad" (an age is no alias).
NUMBER_LABELS = TIME_LABELS | {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Names that a noun written beside them may stand for, and that may act: people, organizations, states.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Names of organizations and states, which act through their bodies and members.
COLLECTIVE_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Entity labels the small model gives names it does not recognise as people ("" is none at all).
MISREAD_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# The object of a preposition: "an Interpol warrant" in "According to an Interpol warrant, Cruz Canas ...".
PREPOSITION_OBJECTS = frozenset({"pobj"})
# The particle of a phrasal verb, which the parser sometimes makes an adverb: "stepped down as chairman".
PARTICLES = frozenset({"prt", "advmod"})
