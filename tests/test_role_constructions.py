"""Hand-built parses for the role constructions of kg/extract/roles.py: each test gives the parse the
model makes of its sentence, so that it fails when the construction is removed, whatever the model does."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.facts import Evidence, Mention, RoleFact
from kg.extract.roles import _held_where_found, role_facts

VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, tags, pos, lemmas, ents) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas, ents=ents)


def facts(doc: Doc, publisher: str | None = None) -> set[tuple[str, str, str, bool]]:
    return {(f.person.text, f.role, f.organization.text if f.organization else "", f.former)
            for f in role_facts(doc, publisher)}


def test_a_phrase_of_its_own_before_the_comma_is_no_title():
    """_in_a_phrase_of_its_own: an open-class noun in a prepositional phrase.
    According to an Interpol warrant, Cruz Canas was present."""
    doc = _doc(['According', 'to', 'an', 'Interpol', 'warrant', ',', 'Cruz', 'Canas', 'was', 'present', '.'],
               [8, 0, 4, 4, 1, 8, 7, 8, 8, 8, 8],
               ['prep', 'prep', 'det', 'compound', 'pobj', 'punct', 'compound', 'nsubj', 'ROOT', 'acomp', 'punct'],
               ['VBG', 'IN', 'DT', 'NNP', 'NN', ',', 'NNP', 'NNP', 'VBD', 'JJ', '.'],
               ['VERB', 'ADP', 'DET', 'PROPN', 'NOUN', 'PUNCT', 'PROPN', 'PROPN', 'AUX', 'ADJ', 'PUNCT'],
               ['accord', 'to', 'an', 'Interpol', 'warrant', ',', 'Cruz', 'Canas', 'be', 'present', '.'],
               ['O', 'O', 'O', 'B-ORG', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O'])
    assert facts(doc) == set()


def test_a_plural_noun_in_a_phrase_before_the_comma_is_no_title():
    """_in_a_phrase_of_its_own: the agents are not Guevara.
    Accompanied by FBI agents, Guevara arrived."""
    doc = _doc(['Accompanied', 'by', 'FBI', 'agents', ',', 'Guevara', 'arrived', '.'],
               [6, 0, 3, 1, 6, 6, 6, 6],
               ['advcl', 'agent', 'compound', 'pobj', 'punct', 'nsubj', 'ROOT', 'punct'],
               ['VBN', 'IN', 'NNP', 'NNS', ',', 'NNP', 'VBD', '.'],
               ['VERB', 'ADP', 'PROPN', 'NOUN', 'PUNCT', 'PROPN', 'VERB', 'PUNCT'],
               ['accompany', 'by', 'FBI', 'agent', ',', 'Guevara', 'arrive', '.'],
               ['O', 'O', 'B-ORG', 'O', 'O', 'B-PERSON', 'O', 'O'])
    assert facts(doc) == set()


def test_an_organization_apposed_after_the_role():
    """_apposed_organization.
    Gen. Miguel Castellanos, deputy director of operations, U.S. Africa Command, spoke."""
    doc = _doc(['Gen.', 'Miguel', 'Castellanos', ',', 'deputy', 'director', 'of', 'operations', ',', 'U.S.', 'Africa',
                'Command', ',', 'spoke', '.'],
               [2, 2, 13, 2, 5, 2, 5, 6, 2, 11, 11, 2, 2, 13, 13],
               ['compound', 'compound', 'nsubj', 'punct', 'compound', 'appos', 'prep', 'pobj', 'punct', 'compound',
                'compound', 'appos', 'punct', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', ',', 'NN', 'NN', 'IN', 'NNS', ',', 'NNP', 'NNP', 'NNP', ',', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PUNCT', 'NOUN', 'NOUN', 'ADP', 'NOUN', 'PUNCT', 'PROPN', 'PROPN', 'PROPN',
                'PUNCT', 'VERB', 'PUNCT'],
               ['Gen.', 'Miguel', 'Castellanos', ',', 'deputy', 'director', 'of', 'operation', ',', 'U.S.', 'Africa',
                'Command', ',', 'speak', '.'],
               ['O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'])
    assert facts(doc) == {("Miguel Castellanos", "deputy director", "U.S. Africa Command", False)}


def test_an_aide_works_where_the_person_served_holds_office():
    """_principal_organization.
    Mr. Nelson is the Director of Communications for Arkansas Governor Michael Huckabee."""
    doc = _doc(['Mr.', 'Nelson', 'is', 'the', 'Director', 'of', 'Communications', 'for', 'Arkansas', 'Governor',
                'Michael', 'Huckabee', '.'],
               [1, 2, 2, 4, 2, 4, 5, 4, 9, 11, 11, 7, 2],
               ['compound', 'nsubj', 'ROOT', 'det', 'attr', 'prep', 'pobj', 'prep', 'compound', 'compound',
                'compound', 'pobj', 'punct'],
               ['NNP', 'NNP', 'VBZ', 'DT', 'NNP', 'IN', 'NNPS', 'IN', 'NNP', 'NNP', 'NNP', 'NNP', '.'],
               ['PROPN', 'PROPN', 'AUX', 'DET', 'PROPN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PROPN', 'PROPN', 'PROPN',
                'PUNCT'],
               ['Mr.', 'Nelson', 'be', 'the', 'Director', 'of', 'Communications', 'for', 'Arkansas', 'Governor',
                'Michael', 'Huckabee', '.'],
               ['O', 'B-PERSON', 'O', 'O', 'O', 'O', 'O', 'O', 'B-GPE', 'O', 'B-PERSON', 'I-PERSON', 'O'])
    assert facts(doc) == {("Nelson", "Director of Communications", "Arkansas", False),
                          ("Michael Huckabee", "Governor", "Arkansas", False)}


def test_the_as_role_of_a_verbs_object():
    """_as_titles from the object's verb.
    The president nominated John Smith as ambassador to Japan."""
    doc = _doc(['The', 'president', 'nominated', 'John', 'Smith', 'as', 'ambassador', 'to', 'Japan', '.'],
               [1, 2, 2, 4, 2, 2, 5, 6, 7, 2],
               ['det', 'nsubj', 'ROOT', 'compound', 'dobj', 'prep', 'pobj', 'prep', 'pobj', 'punct'],
               ['DT', 'NN', 'VBD', 'NNP', 'NNP', 'IN', 'NN', 'IN', 'NNP', '.'],
               ['DET', 'NOUN', 'VERB', 'PROPN', 'PROPN', 'ADP', 'NOUN', 'ADP', 'PROPN', 'PUNCT'],
               ['the', 'president', 'nominate', 'John', 'Smith', 'as', 'ambassador', 'to', 'Japan', '.'],
               ['O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-GPE', 'O'])
    assert facts(doc) == {("John Smith", "ambassador", "", False)}


def test_a_role_left_is_former():
    """_left_office.
    Carlos Ghosn resigned as chairman of Nissan in 2018."""
    doc = _doc(['Carlos', 'Ghosn', 'resigned', 'as', 'chairman', 'of', 'Nissan', 'in', '2018', '.'],
               [1, 2, 2, 2, 3, 4, 5, 2, 7, 2],
               ['compound', 'nsubj', 'ROOT', 'prep', 'pobj', 'prep', 'pobj', 'prep', 'pobj', 'punct'],
               ['NNP', 'NNP', 'VBD', 'IN', 'NN', 'IN', 'NNP', 'IN', 'CD', '.'],
               ['PROPN', 'PROPN', 'VERB', 'ADP', 'NOUN', 'ADP', 'PROPN', 'ADP', 'NUM', 'PUNCT'],
               ['Carlos', 'Ghosn', 'resign', 'as', 'chairman', 'of', 'Nissan', 'in', '2018', '.'],
               ['B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'B-DATE', 'O'])
    assert facts(doc) == {("Carlos Ghosn", "chairman", "Nissan", True)}


def test_a_people_the_gazetteer_leaves_out_is_the_country_the_article_names():
    """_state_of_the_demonym.
    Georgian Prime Minister Irakli Garibashvili thanked Georgia."""
    doc = _doc(['Georgian', 'Prime', 'Minister', 'Irakli', 'Garibashvili', 'thanked', 'Georgia', '.'],
               [2, 2, 4, 4, 5, 5, 5, 5],
               ['amod', 'compound', 'compound', 'compound', 'nsubj', 'ROOT', 'dobj', 'punct'],
               ['JJ', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', 'NNP', '.'],
               ['ADJ', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PROPN', 'PUNCT'],
               ['georgian', 'Prime', 'Minister', 'Irakli', 'Garibashvili', 'thank', 'Georgia', '.'],
               ['B-NORP', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O'])
    assert facts(doc) == {("Irakli Garibashvili", "Prime Minister", "Georgia", False)}


def test_a_bare_title_after_the_officials_of_an_organization_is_held_there():
    """_delegation_member.
    Adeyemo met counterparts from the European Commission. He met Commissioner Paolo Gentiloni."""
    doc = _doc(['Adeyemo', 'met', 'counterparts', 'from', 'the', 'European', 'Commission', '.', 'He', 'met',
                'Commissioner', 'Paolo', 'Gentiloni', '.'],
               [1, 1, 1, 2, 6, 6, 3, 1, 9, 9, 12, 12, 9, 9],
               ['nsubj', 'ROOT', 'dobj', 'prep', 'det', 'compound', 'pobj', 'punct', 'nsubj', 'ROOT', 'compound',
                'compound', 'dobj', 'punct'],
               ['NNP', 'VBD', 'NNS', 'IN', 'DT', 'NNP', 'NNP', '.', 'PRP', 'VBD', 'NNP', 'NNP', 'NNP', '.'],
               ['PROPN', 'VERB', 'NOUN', 'ADP', 'DET', 'PROPN', 'PROPN', 'PUNCT', 'PRON', 'VERB', 'PROPN', 'PROPN',
                'PROPN', 'PUNCT'],
               ['Adeyemo', 'meet', 'counterpart', 'from', 'the', 'European', 'Commission', '.', 'he', 'meet',
                'Commissioner', 'Paolo', 'Gentiloni', '.'],
               ['O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O'])
    assert facts(doc) == {("Paolo Gentiloni", "Commissioner", "European Commission", False)}


def test_the_agent_of_a_passive_verb_of_office():
    """_passive_agent.
    The Mediterranean Foundation, headed by Juan Novara, released a study."""
    doc = _doc(['The', 'Mediterranean', 'Foundation', ',', 'headed', 'by', 'Juan', 'Novara', ',', 'released', 'a',
                'study', '.'],
               [2, 2, 9, 2, 2, 4, 7, 5, 9, 9, 11, 9, 9],
               ['det', 'compound', 'nsubj', 'punct', 'acl', 'agent', 'compound', 'pobj', 'punct', 'ROOT', 'det',
                'dobj', 'punct'],
               ['DT', 'NNP', 'NNP', ',', 'VBN', 'IN', 'NNP', 'NNP', ',', 'VBD', 'DT', 'NN', '.'],
               ['DET', 'PROPN', 'PROPN', 'PUNCT', 'VERB', 'ADP', 'PROPN', 'PROPN', 'PUNCT', 'VERB', 'DET', 'NOUN',
                'PUNCT'],
               ['the', 'Mediterranean', 'Foundation', ',', 'head', 'by', 'Juan', 'Novara', ',', 'release', 'a',
                'study', '.'],
               ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Juan Novara", "head", "Mediterranean Foundation", False)}


def test_the_role_of_a_noun_of_appointment():
    """_appointment.
    The President has signed the recess appointment of Eric S. Edelman of Virginia, to be Under Secretary of
    Defense for Policy."""
    doc = _doc(['The', 'President', 'has', 'signed', 'the', 'recess', 'appointment', 'of', 'Eric', 'S.', 'Edelman',
                'of', 'Virginia', ',', 'to', 'be', 'Under Secretary of Defense for Policy', '.'],
               [1, 3, 3, 3, 6, 6, 3, 6, 10, 10, 7, 10, 11, 10, 15, 3, 15, 3],
               ['det', 'nsubj', 'aux', 'ROOT', 'det', 'compound', 'dobj', 'prep', 'compound', 'compound', 'pobj',
                'prep', 'pobj', 'punct', 'aux', 'xcomp', 'attr', 'punct'],
               ['DT', 'NNP', 'VBZ', 'VBN', 'DT', 'NN', 'NN', 'IN', 'NNP', 'NNP', 'NNP', 'IN', 'NNP', ',', 'TO', 'VB',
                'NN', '.'],
               ['DET', 'PROPN', 'AUX', 'VERB', 'DET', 'NOUN', 'NOUN', 'ADP', 'PROPN', 'PROPN', 'PROPN', 'ADP',
                'PROPN', 'PUNCT', 'PART', 'AUX', 'NOUN', 'PUNCT'],
               ['the', 'President', 'have', 'sign', 'the', 'recess', 'appointment', 'of', 'Eric', 'S.', 'Edelman',
                'of', 'Virginia', ',', 'to', 'be', 'secretary', '.'],
               ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O', 'O',
                'O', 'O', 'O'])
    assert facts(doc) == {("Eric S. Edelman", "Under Secretary of Defense for Policy", "Department of Defense", False)}


def test_coordinated_titled_people_share_the_organization_after_the_last_name():
    """_partners_organization: the organization after the last name.
    Blinken met Minister Wang Yi and Vice Minister Ma Zhaoxu of China."""
    doc = _doc(['Blinken', 'met', 'Minister', 'Wang', 'Yi', 'and', 'Vice', 'Minister', 'Ma', 'Zhaoxu', 'of', 'China',
                '.'],
               [1, 1, 4, 4, 1, 4, 7, 9, 9, 4, 9, 10, 1],
               ['nsubj', 'ROOT', 'compound', 'compound', 'dobj', 'cc', 'compound', 'compound', 'compound', 'conj',
                'prep', 'pobj', 'punct'],
               ['NNP', 'VBD', 'NNP', 'NNP', 'NNP', 'CC', 'NNP', 'NNP', 'NNP', 'NNP', 'IN', 'NNP', '.'],
               ['PROPN', 'VERB', 'PROPN', 'PROPN', 'PROPN', 'CCONJ', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'ADP',
                'PROPN', 'PUNCT'],
               ['Blinken', 'meet', 'Minister', 'Wang', 'Yi', 'and', 'Vice', 'Minister', 'Ma', 'Zhaoxu', 'of', 'China',
                '.'],
               ['B-GPE', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O'])
    assert facts(doc) == {("Wang Yi", "Minister", "China", False), ("Ma Zhaoxu", "Vice Minister", "China", False)}


def test_coordinated_titles_with_one_head_word_share_the_country():
    """_partners_organization: the country of a title with the same head word.
    Deputy Secretary Sherman met with Ukrainian Foreign Minister Dmytro Kuleba and Defense Minister Oleksii Reznikov."""
    doc = _doc(['Deputy', 'Secretary', 'Sherman', 'met', 'with', 'Ukrainian', 'Foreign', 'Minister', 'Dmytro',
                'Kuleba', 'and', 'Defense', 'Minister', 'Oleksii', 'Reznikov', '.'],
               [1, 2, 3, 3, 3, 7, 7, 9, 9, 4, 9, 12, 14, 14, 9, 3],
               ['compound', 'compound', 'nsubj', 'ROOT', 'prep', 'amod', 'compound', 'compound', 'compound', 'pobj',
                'cc', 'compound', 'compound', 'compound', 'conj', 'punct'],
               ['NNP', 'NNP', 'NNP', 'VBD', 'IN', 'JJ', 'NNP', 'NNP', 'NNP', 'NNP', 'CC', 'NNP', 'NNP', 'NNP', 'NNP',
                '.'],
               ['PROPN', 'PROPN', 'PROPN', 'VERB', 'ADP', 'ADJ', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'CCONJ', 'PROPN',
                'PROPN', 'PROPN', 'PROPN', 'PUNCT'],
               ['Deputy', 'Secretary', 'Sherman', 'meet', 'with', 'ukrainian', 'Foreign', 'Minister', 'Dmytro',
                'Kuleba', 'and', 'Defense', 'Minister', 'Oleksii', 'Reznikov', '.'],
               ['O', 'O', 'B-PERSON', 'O', 'O', 'B-NORP', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-PERSON',
                'I-PERSON', 'O'])
    assert facts(doc) == {("Sherman", "Deputy Secretary", "", False),
                          ("Dmytro Kuleba", "Foreign Minister", "Ukrainian", False),
                          ("Oleksii Reznikov", "Defense Minister", "Ukrainian", False)}


def test_a_minister_is_held_in_the_one_other_country_named():
    """_the_other_state: a readout of the United States names one other country.
    Secretary Blinken spoke with Foreign Minister Wang Yi today. They discussed China's role in the region."""
    doc = _doc(['Secretary', 'Blinken', 'spoke', 'with', 'Foreign', 'Minister', 'Wang', 'Yi', 'today', '.', 'They',
                'discussed', 'China', "'s", 'role', 'in', 'the', 'region', '.'],
               [1, 2, 2, 2, 5, 7, 7, 3, 2, 2, 11, 11, 14, 12, 11, 14, 17, 15, 11],
               ['compound', 'nsubj', 'ROOT', 'prep', 'compound', 'compound', 'compound', 'pobj', 'npadvmod', 'punct',
                'nsubj', 'ROOT', 'poss', 'case', 'dobj', 'prep', 'det', 'pobj', 'punct'],
               ['NNP', 'NNP', 'VBD', 'IN', 'NNP', 'NNP', 'NNP', 'NNP', 'NN', '.', 'PRP', 'VBD', 'NNP', 'POS', 'NN',
                'IN', 'DT', 'NN', '.'],
               ['PROPN', 'PROPN', 'VERB', 'ADP', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'NOUN', 'PUNCT', 'PRON', 'VERB',
                'PROPN', 'PART', 'NOUN', 'ADP', 'DET', 'NOUN', 'PUNCT'],
               ['Secretary', 'Blinken', 'speak', 'with', 'Foreign', 'Minister', 'Wang', 'Yi', 'today', '.', 'they',
                'discuss', 'China', "'s", 'role', 'in', 'the', 'region', '.'],
               ['O', 'B-PERSON', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'B-DATE', 'O', 'O', 'O', 'B-GPE', 'O',
                'O', 'O', 'O', 'O', 'O'])
    assert facts(doc, publisher="United States") == {("Blinken", "Secretary", "United States", False),
                                                     ("Wang Yi", "Foreign Minister", "China", False)}


def test_a_country_an_envoy_is_posted_to_is_no_employer():
    """_organization_after skips `destination_preposition` for a country.
    Rahm Emanuel, the U.S. ambassador to Japan, attended the ceremony."""
    doc = _doc(['Rahm', 'Emanuel', ',', 'the', 'U.S.', 'ambassador', 'to', 'Japan', ',', 'attended', 'the',
                'ceremony', '.'],
               [1, 9, 1, 5, 5, 1, 5, 6, 1, 9, 11, 9, 9],
               ['compound', 'nsubj', 'punct', 'det', 'compound', 'appos', 'prep', 'pobj', 'punct', 'ROOT', 'det',
                'dobj', 'punct'],
               ['NNP', 'NNP', ',', 'DT', 'NNP', 'NN', 'IN', 'NNP', ',', 'VBD', 'DT', 'NN', '.'],
               ['PROPN', 'PROPN', 'PUNCT', 'DET', 'PROPN', 'NOUN', 'ADP', 'PROPN', 'PUNCT', 'VERB', 'DET', 'NOUN',
                'PUNCT'],
               ['Rahm', 'Emanuel', ',', 'the', 'U.S.', 'ambassador', 'to', 'Japan', ',', 'attend', 'the', 'ceremony',
                '.'],
               ['B-PERSON', 'I-PERSON', 'O', 'O', 'B-GPE', 'O', 'O', 'B-GPE', 'O', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Rahm Emanuel", "ambassador", "U.S.", False)}


def test_a_title_opened_by_an_article_is_a_person_of_its_own():
    """_definite_title: "The President" is not Brown.
    The President and Prime Minister Brown had a call."""
    doc = _doc(['The', 'President', 'and', 'Prime', 'Minister', 'Brown', 'had', 'a', 'call', '.'],
               [1, 6, 1, 4, 5, 1, 6, 8, 6, 6],
               ['det', 'nsubj', 'cc', 'compound', 'compound', 'conj', 'ROOT', 'det', 'dobj', 'punct'],
               ['DT', 'NNP', 'CC', 'NNP', 'NNP', 'NNP', 'VBD', 'DT', 'NN', '.'],
               ['DET', 'PROPN', 'CCONJ', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'DET', 'NOUN', 'PUNCT'],
               ['the', 'President', 'and', 'Prime', 'Minister', 'Brown', 'have', 'a', 'call', '.'],
               ['O', 'O', 'O', 'O', 'O', 'B-PERSON', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Brown", "Prime Minister", "", False)}


def test_the_office_a_resignation_leaves_is_a_former_one():
    """_resignation: "as" hangs from the name.
    I accepted the resignation of John Bryson as Secretary of the Department of Commerce."""
    doc = _doc(['I', 'accepted', 'the', 'resignation', 'of', 'John', 'Bryson', 'as', 'Secretary', 'of', 'the',
                'Department', 'of', 'Commerce', '.'],
               [1, 1, 3, 1, 3, 6, 4, 6, 7, 8, 11, 9, 11, 12, 1],
               ['nsubj', 'ROOT', 'det', 'dobj', 'prep', 'compound', 'pobj', 'prep', 'pobj', 'prep', 'det', 'pobj',
                'prep', 'pobj', 'punct'],
               ['PRP', 'VBD', 'DT', 'NN', 'IN', 'NNP', 'NNP', 'IN', 'NNP', 'IN', 'DT', 'NNP', 'IN', 'NNP', '.'],
               ['PRON', 'VERB', 'DET', 'NOUN', 'ADP', 'PROPN', 'PROPN', 'ADP', 'PROPN', 'ADP', 'DET', 'PROPN', 'ADP',
                'PROPN', 'PUNCT'],
               ['I', 'accept', 'the', 'resignation', 'of', 'John', 'Bryson', 'as', 'Secretary', 'of', 'the',
                'Department', 'of', 'Commerce', '.'],
               ['O', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'])
    assert facts(doc) == {("John Bryson", "Secretary", "Department of Commerce", True)}


def test_the_people_listed_under_a_heading_hold_the_role_it_gives_them():
    """_listed: a name alone on its line under a heading that ends with a colon.
    OFAC designated two individuals, who are leaders of the FARC:

    Juan Carlos Ramirez Abadia"""
    doc = _doc(['OFAC', 'designated', 'two', 'individuals', ',', 'who', 'are', 'leaders', 'of', 'the', 'FARC', ':',
                '\n\n', 'Juan', 'Carlos', 'Ramirez', 'Abadia'],
               [1, 1, 3, 1, 3, 6, 3, 6, 7, 10, 8, 3, 12, 16, 16, 16, 16],
               ['nsubj', 'ROOT', 'nummod', 'dobj', 'punct', 'nsubj', 'relcl', 'attr', 'prep', 'det', 'pobj', 'punct',
                'dep', 'compound', 'compound', 'compound', 'ROOT'],
               ['NNP', 'VBD', 'CD', 'NNS', ',', 'WP', 'VBP', 'NNS', 'IN', 'DT', 'NNP', ':', '_SP', 'NNP', 'NNP', 'NNP',
                'NNP'],
               ['PROPN', 'VERB', 'NUM', 'NOUN', 'PUNCT', 'PRON', 'AUX', 'NOUN', 'ADP', 'DET', 'PROPN', 'PUNCT', 'SPACE',
                'PROPN', 'PROPN', 'PROPN', 'PROPN'],
               ['OFAC', 'designate', 'two', 'individual', ',', 'who', 'be', 'leader', 'of', 'the', 'FARC', ':', '\n\n',
                'Juan', 'Carlos', 'Ramirez', 'Abadia'],
               ['B-ORG', 'O', 'B-CARDINAL', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'O', 'B-PERSON', 'I-PERSON',
                'I-PERSON', 'I-PERSON'])
    assert facts(doc) == {("Juan Carlos Ramirez Abadia", "leader", "FARC", False)}


def test_where_a_posting_is_to_is_no_organization_of_the_title():
    """_posting.
    U.S. Ambassador to the United Nations Kelly Craft spoke."""
    doc = _doc(['U.S.', 'Ambassador', 'to', 'the', 'United', 'Nations', 'Kelly', 'Craft', 'spoke', '.'],
               [1, 8, 1, 5, 5, 7, 7, 2, 8, 8],
               ['compound', 'nsubj', 'prep', 'det', 'compound', 'compound', 'compound', 'pobj', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'IN', 'DT', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'PROPN', 'ADP', 'DET', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['U.S.', 'Ambassador', 'to', 'the', 'United', 'Nations', 'Kelly', 'Craft', 'speak', '.'],
               ['B-GPE', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Kelly Craft", "Ambassador", "U.S.", False)}


def test_the_country_whose_body_a_role_is_of():
    """_possessing_country.
    Ali Larijani, speaker of Iran's parliament, spoke."""
    doc = _doc(['Ali', 'Larijani', ',', 'speaker', 'of', 'Iran', "'s", 'parliament', ',', 'spoke', '.'],
               [1, 9, 1, 1, 3, 7, 5, 4, 1, 9, 9],
               ['compound', 'nsubj', 'punct', 'appos', 'prep', 'poss', 'case', 'pobj', 'punct', 'ROOT', 'punct'],
               ['NNP', 'NNP', ',', 'NN', 'IN', 'NNP', 'POS', 'NN', ',', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PUNCT', 'NOUN', 'ADP', 'PROPN', 'PART', 'NOUN', 'PUNCT', 'VERB', 'PUNCT'],
               ['Ali', 'Larijani', ',', 'speaker', 'of', 'Iran', "'s", 'parliament', ',', 'speak', '.'],
               ['B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-GPE', 'O', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Ali Larijani", "speaker", "Iran", False)}


def test_a_role_in_a_list_of_officials_is_the_one_of_the_name_it_follows():
    """_follows and _apposed_elsewhere: the parser hangs each role of the list from the first name.
    The delegation included Commerce Secretary Wilbur Ross, Agriculture Secretary Sonny Perdue and Peter
    Navarro, the president's trade adviser."""
    doc = _doc(['The', 'delegation', 'included', 'Commerce', 'Secretary', 'Wilbur', 'Ross', ',', 'Agriculture',
                'Secretary', 'Sonny', 'Perdue', 'and', 'Peter', 'Navarro', ',', 'the', 'president', "'s", 'trade',
                'adviser', '.'],
               [1, 2, 2, 4, 6, 6, 2, 6, 9, 6, 11, 9, 11, 14, 11, 6, 17, 20, 17, 20, 6, 2],
               ['det', 'nsubj', 'ROOT', 'compound', 'compound', 'compound', 'dobj', 'punct', 'compound', 'appos',
                'nmod', 'appos', 'cc', 'compound', 'conj', 'punct', 'det', 'poss', 'case', 'compound', 'appos', 'punct'],
               ['DT', 'NN', 'VBD', 'NNP', 'NNP', 'NNP', 'NNP', ',', 'NNP', 'NNP', 'NNP', 'NNP', 'CC', 'NNP', 'NNP', ',',
                'DT', 'NN', 'POS', 'NN', 'NN', '.'],
               ['DET', 'NOUN', 'VERB', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'PROPN', 'PROPN',
                'CCONJ', 'PROPN', 'PROPN', 'PUNCT', 'DET', 'NOUN', 'PART', 'NOUN', 'NOUN', 'PUNCT'],
               ['the', 'delegation', 'include', 'Commerce', 'Secretary', 'Wilbur', 'Ross', ',', 'Agriculture',
                'Secretary', 'Sonny', 'Perdue', 'and', 'Peter', 'Navarro', ',', 'the', 'president', "'s", 'trade',
                'adviser', '.'],
               ['O', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-PERSON',
                'I-PERSON', 'O', 'O', 'O', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Wilbur Ross", "Commerce Secretary", "Department of Commerce", False),
                          ("Sonny Perdue", "Agriculture Secretary", "Department of Agriculture", False),
                          ("Peter Navarro", "trade adviser", "", False)}


def test_a_title_before_the_first_of_two_names_is_the_first_ones():
    """_written_for_all: a title in the singular before the first name is not shared.
    Agriculture Secretary Sonny Perdue and Peter Navarro spoke."""
    doc = _doc(['Agriculture', 'Secretary', 'Sonny', 'Perdue', 'and', 'Peter', 'Navarro', 'spoke', '.'],
               [1, 7, 3, 1, 3, 6, 3, 7, 7],
               ['compound', 'nsubj', 'nmod', 'appos', 'cc', 'compound', 'conj', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', 'NNP', 'CC', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PROPN', 'CCONJ', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['Agriculture', 'Secretary', 'Sonny', 'Perdue', 'and', 'Peter', 'Navarro', 'speak', '.'],
               ['O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Sonny Perdue", "Agriculture Secretary", "Department of Agriculture", False)}


def test_an_aide_of_a_titled_person_named_in_the_possessive_works_where_the_person_holds_office():
    """_principal_organization, a possessor.
    Nigerian President Muhammadu Buhari's spokesman, Garba Shehu, spoke."""
    doc = _doc(['Nigerian', 'President', 'Muhammadu', 'Buhari', "'s", 'spokesman', ',', 'Garba', 'Shehu', ',', 'spoke',
                '.'],
               [1, 3, 3, 5, 3, 10, 5, 8, 5, 5, 10, 10],
               ['amod', 'compound', 'compound', 'poss', 'case', 'nsubj', 'punct', 'compound', 'appos', 'punct', 'ROOT',
                'punct'],
               ['JJ', 'NNP', 'NNP', 'NNP', 'POS', 'NN', ',', 'NNP', 'NNP', ',', 'VBD', '.'],
               ['ADJ', 'PROPN', 'PROPN', 'PROPN', 'PART', 'NOUN', 'PUNCT', 'PROPN', 'PROPN', 'PUNCT', 'VERB', 'PUNCT'],
               ['nigerian', 'President', 'Muhammadu', 'Buhari', "'s", 'spokesman', ',', 'Garba', 'Shehu', ',', 'speak',
                '.'],
               ['B-NORP', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O'])
    assert facts(doc) == {("Muhammadu Buhari", "President", "Nigerian", False),
                          ("Garba Shehu", "spokesman", "Nigerian", False)}


def test_the_role_one_is_removed_from_is_a_former_one():
    """removal_verb in the passive, with `_left_office`.
    Ghosn, who was ousted as Nissan chairman, fled."""
    doc = _doc(['Ghosn', ',', 'who', 'was', 'ousted', 'as', 'Nissan', 'chairman', ',', 'fled', '.'],
               [9, 0, 4, 4, 0, 4, 7, 5, 0, 9, 9],
               ['nsubj', 'punct', 'nsubjpass', 'auxpass', 'relcl', 'prep', 'compound', 'pobj', 'punct', 'ROOT', 'punct'],
               ['NNP', ',', 'WP', 'VBD', 'VBN', 'IN', 'NNP', 'NN', ',', 'VBD', '.'],
               ['PROPN', 'PUNCT', 'PRON', 'AUX', 'VERB', 'ADP', 'PROPN', 'NOUN', 'PUNCT', 'VERB', 'PUNCT'],
               ['Ghosn', ',', 'who', 'be', 'oust', 'as', 'Nissan', 'chairman', ',', 'flee', '.'],
               ['B-PERSON', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Ghosn", "chairman", "Nissan", True)}


def test_the_hyphen_of_ex_is_no_part_of_the_label():
    """_label_ending_at: "Ex-President".
    Ex-President Jacob Zuma spoke."""
    doc = Doc(VOCAB, words=['Ex', '-', 'President', 'Jacob', 'Zuma', 'spoke', '.'],
              spaces=[False, False, True, True, True, False, False], heads=[4, 4, 4, 4, 5, 5, 5],
              deps=['compound', 'compound', 'compound', 'compound', 'nsubj', 'ROOT', 'punct'],
              tags=['NN', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', '.'],
              pos=['NOUN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
              lemmas=['ex', '-', 'President', 'Jacob', 'Zuma', 'speak', '.'],
              ents=['O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Jacob Zuma", "President", "", True)}


def test_a_counterpart_is_no_role():
    """relation_noun: the open-class noun before a name names no role.
    Polish President Andrzej Duda and his Lithuanian counterpart Gitanas Nauseda met."""
    doc = _doc(['Polish', 'President', 'Andrzej', 'Duda', 'and', 'his', 'Lithuanian', 'counterpart', 'Gitanas', 'Nauseda',
                'met', '.'],
               [1, 3, 3, 10, 3, 7, 7, 3, 9, 7, 10, 10],
               ['amod', 'compound', 'compound', 'nsubj', 'cc', 'poss', 'amod', 'conj', 'compound', 'appos', 'ROOT', 'punct'],
               ['JJ', 'NNP', 'NNP', 'NNP', 'CC', 'PRP$', 'JJ', 'NN', 'NNP', 'NNP', 'VBD', '.'],
               ['ADJ', 'PROPN', 'PROPN', 'PROPN', 'CCONJ', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['polish', 'President', 'Andrzej', 'Duda', 'and', 'his', 'lithuanian', 'counterpart', 'Gitanas', 'Nauseda',
                'meet', '.'],
               ['B-NORP', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'B-ORG', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Andrzej Duda", "President", "Polish", False)}


def test_a_prefix_before_the_organization_in_a_title_is_part_of_the_label():
    """_prefix_before (title_prefix): "Assistant" opens the title before the organization inside it.
    Assistant Pentagon Press Secretary Carl Woog reported."""
    doc = _doc(['Assistant', 'Pentagon', 'Press Secretary', 'Carl', 'Woog', 'reported', '.'],
               [1, 4, 1, 4, 5, 5, 5],
               ['compound', 'nmod', 'appos', 'compound', 'nsubj', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['Assistant', 'Pentagon', 'secretary', 'Carl', 'Woog', 'report', '.'],
               ['O', 'B-ORG', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Carl Woog", "Assistant Press Secretary", "Pentagon", False)}


def test_the_title_before_the_service_of_a_rank_is_the_named_persons():
    """_service_start (military_service): the model took the service for a person.
    Centcom Commander Marine Corps Gen. Kenneth F. McKenzie said."""
    doc = _doc(['Centcom', 'Commander', 'Marine', 'Corps', 'Gen.', 'Kenneth', 'F.', 'McKenzie', 'said', '.'],
               [1, 7, 3, 7, 7, 7, 7, 8, 8, 8],
               ['compound', 'compound', 'compound', 'compound', 'compound', 'compound', 'compound', 'nsubj', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['Centcom', 'Commander', 'Marine', 'Corps', 'Gen.', 'Kenneth', 'F.', 'McKenzie', 'say', '.'],
               ['B-ORG', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'I-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Kenneth F. McKenzie", "Commander", "Centcom", False)}


def test_a_rank_of_several_words_is_no_role():
    """A compound rank ("Rear Adm.", a rank in title_words.tsv) is no role noun, and the service before it
    no person. Pentagon Press Secretary Navy Rear Adm. John Kirby said."""
    doc = _doc(['Pentagon', 'Press Secretary', 'Navy', 'Rear Adm.', 'John', 'Kirby', 'said', '.'],
               [3, 3, 3, 6, 5, 6, 6, 6],
               ['compound', 'compound', 'compound', 'npadvmod', 'compound', 'nsubj', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', 'NN', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'NOUN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['Pentagon', 'secretary', 'Navy', 'adm.', 'John', 'Kirby', 'say', '.'],
               ['B-ORG', 'O', 'B-PERSON', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("John Kirby", "Press Secretary", "Pentagon", False)}


def test_a_nationality_apposed_to_a_person_is_the_state_of_their_office():
    """_apposed_nationality: "his British counterpart" makes the Defense Secretary British, not American.
    Hagel met Defense Secretary Michael Fallon, his British counterpart."""
    doc = _doc(['Hagel', 'met', 'Defense', 'Secretary', 'Michael', 'Fallon', ',', 'his', 'British', 'counterpart', '.'],
               [1, 1, 3, 5, 5, 1, 5, 9, 9, 5, 1],
               ['nsubj', 'ROOT', 'compound', 'compound', 'compound', 'dobj', 'punct', 'poss', 'amod', 'appos', 'punct'],
               ['NNP', 'VBD', 'NNP', 'NNP', 'NNP', 'NNP', ',', 'PRP$', 'JJ', 'NN', '.'],
               ['PROPN', 'VERB', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PUNCT', 'PRON', 'ADJ', 'NOUN', 'PUNCT'],
               ['Hagel', 'meet', 'Defense', 'Secretary', 'Michael', 'Fallon', ',', 'his', 'british', 'counterpart', '.'],
               ['O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'B-NORP', 'O', 'O'])
    assert facts(doc) == {("Michael Fallon", "Defense Secretary", "British", False)}


def test_a_foreign_office_is_held_in_the_one_country_named_nearby():
    """_the_state_nearby: a capital in the sentence before stands for its country.
    Dunford flew to Bangkok. He met Defense Minister Prawit Wongsuwan."""
    doc = _doc(['Dunford', 'flew', 'to', 'Bangkok', '.', 'He', 'met', 'Defense', 'Minister', 'Prawit', 'Wongsuwan', '.'],
               [1, 1, 1, 2, 1, 6, 6, 8, 10, 10, 6, 6],
               ['nsubj', 'ROOT', 'prep', 'pobj', 'punct', 'nsubj', 'ROOT', 'compound', 'compound', 'compound', 'dobj', 'punct'],
               ['NNP', 'VBD', 'IN', 'NNP', '.', 'PRP', 'VBD', 'NNP', 'NNP', 'NNP', 'NNP', '.'],
               ['PROPN', 'VERB', 'ADP', 'PROPN', 'PUNCT', 'PRON', 'VERB', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PUNCT'],
               ['Dunford', 'fly', 'to', 'Bangkok', '.', 'he', 'meet', 'Defense', 'Minister', 'Prawit', 'Wongsuwan', '.'],
               ['B-PERSON', 'O', 'O', 'B-GPE', 'O', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O'])
    assert facts(doc) == {("Prawit Wongsuwan", "Defense Minister", "Thailand", False)}


def test_a_monarch_is_held_in_the_monarchy_named_nearby():
    """royal_title, monarchy: of the two countries named, only Saudi Arabia has a king.
    We thank the American people and the people of Saudi Arabia. King Abdullah was a friend."""
    doc = _doc(['We', 'thank', 'the', 'American', 'people', 'and', 'the', 'people', 'of', 'Saudi', 'Arabia', '.', 'King',
                'Abdullah', 'was', 'a', 'friend', '.'],
               [1, 1, 4, 4, 1, 4, 7, 4, 7, 10, 8, 1, 13, 14, 14, 16, 14, 14],
               ['nsubj', 'ROOT', 'det', 'amod', 'dobj', 'cc', 'det', 'conj', 'prep', 'compound', 'pobj', 'punct', 'compound',
                'nsubj', 'ROOT', 'det', 'attr', 'punct'],
               ['PRP', 'VBP', 'DT', 'JJ', 'NNS', 'CC', 'DT', 'NNS', 'IN', 'NNP', 'NNP', '.', 'NNP', 'NNP', 'VBD', 'DT', 'NN', '.'],
               ['PRON', 'VERB', 'DET', 'ADJ', 'NOUN', 'CCONJ', 'DET', 'NOUN', 'ADP', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'PROPN',
                'AUX', 'DET', 'NOUN', 'PUNCT'],
               ['we', 'thank', 'the', 'american', 'people', 'and', 'the', 'people', 'of', 'Saudi', 'Arabia', '.', 'King',
                'Abdullah', 'be', 'a', 'friend', '.'],
               ['O', 'O', 'O', 'B-NORP', 'O', 'O', 'O', 'O', 'O', 'B-GPE', 'I-GPE', 'O', 'O', 'B-PERSON', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Abdullah", "King", "Saudi Arabia", False)}


def test_a_bare_title_takes_the_organization_found_for_the_same_person_in_the_same_office():
    """_held_where_found: "King Abdullah's legacy", far from any country, is Saudi as the first mention."""
    def fact(start: int, organization: Mention | None) -> RoleFact:
        person = Mention("Abdullah", "Person", start + 5, start + 13)
        return RoleFact(person, "King", organization, False, Evidence("King Abdullah", start, start + 13, start, start + 13))
    found = list(_held_where_found([fact(0, Mention("Saudi Arabia", "Place", 0, 0)), fact(100, None)]))
    assert [(f.evidence.start, f.organization.text, f.organization.start) for f in found] == [
        (0, "Saudi Arabia", 0), (100, "Saudi Arabia", 100)]
    # Not a second fact where the sentence states the role with its organization already.
    assert len(list(_held_where_found([fact(0, Mention("Saudi Arabia", "Place", 0, 0)), fact(0, None)]))) == 1


def test_a_portfolio_the_model_took_for_a_person_is_part_of_the_title():
    """_is_label_word: "Defense", tagged PERSON, is the portfolio of the title and no person.
    Defense Secretary Leon E. Panetta announced today."""
    doc = _doc(['Defense', 'Secretary', 'Leon', 'E.', 'Panetta', 'announced', 'today', '.'],
               [1, 4, 4, 4, 5, 5, 5, 5],
               ['compound', 'compound', 'compound', 'compound', 'nsubj', 'ROOT', 'npadvmod', 'punct'],
               ['NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', 'NN', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'NOUN', 'PUNCT'],
               ['Defense', 'Secretary', 'Leon', 'E.', 'Panetta', 'announce', 'today', '.'],
               ['B-PERSON', 'O', 'B-PERSON', 'I-PERSON', 'I-PERSON', 'O', 'B-DATE', 'O'])
    assert facts(doc) == {("Leon E. Panetta", "Defense Secretary", "Department of Defense", False)}


def test_an_organization_hung_from_the_apposed_role_after_its_comma():
    """_apposed_organization: the parser apposes the organization to the role, not to the name.
    W. Craig Fugate, Administrator, Federal Emergency Management Agency, spoke."""
    doc = _doc(['W.', 'Craig', 'Fugate', ',', 'Administrator', ',', 'Federal', 'Emergency', 'Management', 'Agency', ',',
                'spoke', '.'],
               [2, 2, 11, 2, 2, 4, 9, 8, 9, 4, 2, 11, 11],
               ['compound', 'compound', 'nsubj', 'punct', 'appos', 'punct', 'compound', 'compound', 'compound', 'appos', 'punct',
                'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', ',', 'NNP', ',', 'NNP', 'NNP', 'NNP', 'NNP', ',', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PUNCT', 'VERB', 'PUNCT'],
               ['W.', 'Craig', 'Fugate', ',', 'Administrator', ',', 'Federal', 'Emergency', 'Management', 'Agency', ',', 'speak', '.'],
               ['B-PERSON', 'I-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'])
    assert facts(doc) == {("W. Craig Fugate", "Administrator", "Federal Emergency Management Agency", False)}


def test_an_organization_apposed_to_a_titled_name():
    """_organization_apposed_to: a press release's "Title Name, Organization".
    “We worked closely,” said Port Director Andres Guerra, Roma Port of Entry."""
    doc = _doc(['“', 'We', 'worked', 'closely', ',', '”', 'said', 'Port Director', 'Andres', 'Guerra', ',', 'Roma', 'Port', 'of',
                'Entry', '.'],
               [6, 2, 6, 2, 6, 6, 6, 9, 9, 6, 9, 12, 9, 12, 13, 6],
               ['punct', 'nsubj', 'ccomp', 'advmod', 'punct', 'punct', 'ROOT', 'compound', 'compound', 'nsubj', 'punct', 'compound',
                'appos', 'prep', 'pobj', 'punct'],
               ['``', 'PRP', 'VBD', 'RB', ',', "''", 'VBD', 'NN', 'NNP', 'NNP', ',', 'NNP', 'NNP', 'IN', 'NNP', '.'],
               ['PUNCT', 'PRON', 'VERB', 'ADV', 'PUNCT', 'PUNCT', 'VERB', 'NOUN', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'ADP',
                'PROPN', 'PUNCT'],
               ['"', 'we', 'work', 'closely', ',', '"', 'say', 'director', 'Andres', 'Guerra', ',', 'Roma', 'Port', 'of', 'Entry', '.'],
               ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'])
    assert facts(doc) == {("Andres Guerra", "Port Director", "Roma Port of Entry", False)}


def test_a_nationality_makes_no_private_person_a_role_at_the_country():
    """_nationality_only (private_occupation). Police held American journalist Steven Sotloff."""
    doc = _doc(['Police', 'held', 'American', 'journalist', 'Steven', 'Sotloff', '.'],
               [1, 1, 3, 5, 5, 1, 1],
               ['nsubj', 'ROOT', 'amod', 'compound', 'compound', 'dobj', 'punct'],
               ['NNS', 'VBD', 'JJ', 'NN', 'NNP', 'NNP', '.'],
               ['NOUN', 'VERB', 'ADJ', 'NOUN', 'PROPN', 'PROPN', 'PUNCT'],
               ['Police', 'hold', 'american', 'journalist', 'Steven', 'Sotloff', '.'],
               ['O', 'O', 'B-NORP', 'O', 'B-PERSON', 'I-PERSON', 'O'])
    assert facts(doc) == set()


def _dateline_doc(city: str) -> Doc:
    # "<CITY> — President <Name> spoke."
    return _doc([city, '—', 'President', 'Obama', 'spoke', '.'],
                [4, 4, 3, 4, 4, 4],
                ['npadvmod', 'punct', 'compound', 'nsubj', 'ROOT', 'punct'],
                ['NNP', ':', 'NNP', 'NNP', 'VBD', '.'],
                ['PROPN', 'PUNCT', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
                [city, '—', 'President', 'Obama', 'speak', '.'],
                ['B-GPE', 'O', 'O', 'B-PERSON', 'O', 'O'])


def test_the_capital_of_the_dateline_gives_its_state_to_the_offices_it_has():
    """_dateline_state: "WASHINGTON —" makes a bare President American; the United Kingdom has no President
    (state_titles.tsv), so "LONDON —" gives none."""
    assert facts(_dateline_doc('WASHINGTON')) == {("Obama", "President", "United States", False)}
    assert facts(_dateline_doc('LONDON')) == {("Obama", "President", "", False)}


def test_an_office_of_state_for_a_bureau_is_held_in_the_department_it_names():
    """_office_of_a_bureau: "Secretary of the Treasury" is an office of state; the bureau stays in the label.
    Deputy Assistant Secretary of the Treasury for Terrorist Financing Juan Zarate spoke."""
    doc = _doc(['Deputy', 'Assistant Secretary of the Treasury for Terrorist Financing', 'Juan', 'Zarate', 'spoke', '.'],
               [1, 3, 3, 4, 4, 4],
               ['compound', 'compound', 'compound', 'nsubj', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['Deputy', 'secretary', 'Juan', 'Zarate', 'speak', '.'],
               ['O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Juan Zarate", "Deputy Assistant Secretary for Terrorist Financing", "Department of the Treasury",
                           False)}


def test_the_commanding_officer_of_a_warship_serves_in_it():
    """_ship (ship_prefix), and "commanding" a modifier of the label although tagged a verb.
    “I am proud,” said Cmdr. Joseph Foster, commanding officer of USS Curtis Wilbur."""
    doc = _doc(['“', 'I', 'am', 'proud', ',', '”', 'said', 'Cmdr', '.', 'Joseph', 'Foster', ',', 'commanding', 'officer', 'of',
                'USS', 'Curtis', 'Wilbur', '.'],
               [6, 2, 6, 2, 6, 6, 6, 6, 6, 10, 10, 10, 13, 10, 13, 17, 17, 14, 10],
               ['punct', 'nsubj', 'ccomp', 'acomp', 'punct', 'punct', 'ROOT', 'nsubj', 'punct', 'compound', 'ROOT', 'punct', 'amod',
                'appos', 'prep', 'compound', 'compound', 'pobj', 'punct'],
               ['``', 'PRP', 'VBP', 'JJ', ',', "''", 'VBD', 'NNP', '.', 'NNP', 'NNP', ',', 'VBG', 'NN', 'IN', 'NNP', 'NNP', 'NNP', '.'],
               ['PUNCT', 'PRON', 'AUX', 'ADJ', 'PUNCT', 'PUNCT', 'VERB', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'PUNCT', 'VERB', 'NOUN',
                'ADP', 'PROPN', 'PROPN', 'PROPN', 'PUNCT'],
               ['"', 'I', 'be', 'proud', ',', '"', 'say', 'Cmdr', '.', 'Joseph', 'Foster', ',', 'command', 'officer', 'of', 'USS',
                'Curtis', 'Wilbur', '.'],
               ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'B-PRODUCT', 'I-PRODUCT',
                'I-PRODUCT', 'O'])
    assert facts(doc) == {("Joseph Foster", "commanding officer", "USS Curtis Wilbur", False)}


def test_capitalised_words_before_a_title_in_lower_case_name_the_organization():
    """_is_unnamed_organization_word: "Staff", a modifier of titles, is a word of a name here.
    Joint Staff spokesperson Jereal Dorsey said the meeting went well."""
    doc = _doc(['Joint', 'Staff', 'spokesperson', 'Jereal', 'Dorsey', 'said', 'the', 'meeting', 'went', 'well', '.'],
               [1, 2, 4, 4, 5, 5, 7, 8, 5, 8, 5],
               ['compound', 'compound', 'compound', 'compound', 'nsubj', 'ROOT', 'det', 'nsubj', 'ccomp', 'advmod', 'punct'],
               ['NNP', 'NNP', 'NN', 'NNP', 'NNP', 'VBD', 'DT', 'NN', 'VBD', 'RB', '.'],
               ['PROPN', 'PROPN', 'NOUN', 'PROPN', 'PROPN', 'VERB', 'DET', 'NOUN', 'VERB', 'ADV', 'PUNCT'],
               ['Joint', 'Staff', 'spokesperson', 'Jereal', 'Dorsey', 'say', 'the', 'meeting', 'go', 'well', '.'],
               ['O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Jereal Dorsey", "spokesperson", "Joint Staff", False)}


def test_a_sentence_split_at_the_full_stop_of_a_rank_is_read_as_one():
    """_repair_split_rank_sentence: the parse ends a sentence at "Brig ." (the tokenizer split the rank).
    Pentagon press secretary Air Force Brig. Gen. Pat Ryder said."""
    doc = _doc(['Pentagon', 'press', 'secretary', 'Air', 'Force', 'Brig', '.', 'Gen.', 'Pat', 'Ryder', 'said', '.'],
               [2, 2, 5, 4, 5, 5, 5, 9, 9, 10, 10, 10],
               ['compound', 'compound', 'compound', 'compound', 'compound', 'ROOT', 'punct', 'compound', 'compound', 'nsubj',
                'ROOT', 'punct'],
               ['NNP', 'NN', 'NN', 'NNP', 'NNP', 'NNP', '.', 'NNP', 'NNP', 'NNP', 'VBD', '.'],
               ['PROPN', 'NOUN', 'NOUN', 'PROPN', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PUNCT'],
               ['Pentagon', 'press', 'secretary', 'Air', 'Force', 'Brig', '.', 'Gen.', 'Pat', 'Ryder', 'say', '.'],
               ['B-ORG', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O'])
    assert facts(doc) == {("Pat Ryder", "press secretary", "Pentagon", False)}


def test_a_modifier_the_model_took_for_an_organization_is_part_of_the_title():
    """_is_portfolio_entity: "Supreme", tagged ORG, is a word of the title and no part of Iran.
    Iran’s Supreme Leader Ayatollah Ali Khamenei warned Israel."""
    doc = _doc(['Iran', '’s', 'Supreme', 'Leader', 'Ayatollah', 'Ali', 'Khamenei', 'warned', 'Israel', '.'],
               [6, 0, 3, 6, 6, 6, 7, 7, 7, 7],
               ['poss', 'case', 'compound', 'compound', 'compound', 'compound', 'nsubj', 'ROOT', 'dobj', 'punct'],
               ['NNP', 'POS', 'NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', 'NNP', '.'],
               ['PROPN', 'PART', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PROPN', 'PUNCT'],
               ['Iran', '’s', 'Supreme', 'Leader', 'Ayatollah', 'Ali', 'Khamenei', 'warn', 'Israel', '.'],
               ['B-GPE', 'O', 'B-ORG', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O'])
    assert facts(doc) == {("Ali Khamenei", "Supreme Leader", "Iran", False)}


def test_a_foreign_office_is_not_held_nearby_in_a_country_without_it():
    """_the_state_nearby, _neighbour: the sentence after, past the blank line, names the United States (no
    Prime Minister, state_titles.tsv) and Israel; Japan, which has one too, is not near.
    President Obama called Prime Minister Netanyahu. / The United States supports Israel. / The ties matter. /
    Japan was not told."""
    doc = _doc(['President', 'Obama', 'called', 'Prime', 'Minister', 'Netanyahu', '.', '\n\n', 'The', 'United', 'States',
                'supports', 'Israel', '.', '\n\n', 'The', 'ties', 'matter', '.', '\n\n', 'Japan', 'was', 'not', 'told', '.'],
               [1, 2, 2, 4, 5, 2, 2, 7, 10, 10, 11, 11, 11, 11, 14, 16, 17, 17, 17, 19, 23, 23, 23, 23, 23],
               ['compound', 'nsubj', 'ROOT', 'compound', 'compound', 'dobj', 'punct', 'dep', 'det', 'compound', 'nsubj', 'ROOT',
                'dobj', 'punct', 'dep', 'det', 'nsubj', 'ROOT', 'punct', 'dep', 'nsubjpass', 'auxpass', 'neg', 'ROOT', 'punct'],
               ['NNP', 'NNP', 'VBD', 'NNP', 'NNP', 'NNP', '.', '_SP', 'DT', 'NNP', 'NNP', 'VBZ', 'NNP', '.', '_SP', 'DT', 'NNS',
                'VBP', '.', '_SP', 'NNP', 'VBD', 'RB', 'VBN', '.'],
               ['PROPN', 'PROPN', 'VERB', 'PROPN', 'PROPN', 'PROPN', 'PUNCT', 'SPACE', 'DET', 'PROPN', 'PROPN', 'VERB', 'PROPN',
                'PUNCT', 'SPACE', 'DET', 'NOUN', 'VERB', 'PUNCT', 'SPACE', 'PROPN', 'AUX', 'PART', 'VERB', 'PUNCT'],
               ['President', 'Obama', 'call', 'Prime', 'Minister', 'Netanyahu', '.', '\n\n', 'the', 'United', 'States', 'support',
                'Israel', '.', '\n\n', 'the', 'tie', 'matter', '.', '\n\n', 'Japan', 'be', 'not', 'tell', '.'],
               ['O', 'B-PERSON', 'O', 'O', 'O', 'B-PERSON', 'O', 'O', 'B-GPE', 'I-GPE', 'I-GPE', 'O', 'B-GPE', 'O', 'O', 'O', 'O',
                'O', 'O', 'O', 'B-GPE', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("Obama", "President", "", False), ("Netanyahu", "Prime Minister", "Israel", False)}
    # Two spaces after the full stop: the sentence ends with a space token its evidence leaves out.
    words = [t.text for t in doc]
    words[7] = ' '
    heads = [t.head.i for t in doc]
    heads[7] = 6
    spaced = _doc(words, heads, [t.dep_ for t in doc], [t.tag_ for t in doc], [t.pos_ for t in doc],
                  [t.lemma_ for t in doc], [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc])
    assert facts(spaced) == facts(doc)
