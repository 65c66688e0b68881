"""The dependency and entity labels the event rules read, each set named once (spaCy's English labels).

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

# Entity labels.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Names that a noun written beside them may stand for, and that may act: people, organizations, states.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Names of organizations and states, which act through their bodies and members.
COLLECTIVE_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Entity labels the small model gives names it does not recognise as people ("" is none at all).
MISREAD_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
