"""Role facts from the ways news writes them, read by the real model (one parse per sentence)."""

from __future__ import annotations

import pytest

from kg.extract.roles import role_facts


def roles(nlp, text: str) -> set[tuple[str, str, str, bool]]:
    return {(f.person.text, f.role, f.organization.text if f.organization else "", f.former)
            for f in role_facts(nlp(text))}


@pytest.mark.parametrize(("text", "expected"), [
    # A country's people stands for its government when no organization is named.
    ("Iranian Foreign Minister Javad Zarif called the U.S. strike an act of terrorism.",
     {("Javad Zarif", "Foreign Minister", "Iranian", False)}),
    # General is a rank; the role is Commander, held in the Quds Force.
    ("The Pentagon confirmed the death of Quds Force Commander General Qassem Soleimani in a statement.",
     {("Qassem Soleimani", "Commander", "Quds Force", False)}),
    # Two coordinated titles, one former, each with its own organization.
    (("Former U.S. Vice President and current presidential candidate for the Democratic Party Joseph Biden "
     "was more cautious."),
     {("Joseph Biden", "Vice President", "U.S.", True),
      ("Joseph Biden", "presidential candidate", "Democratic Party", False)}),
    # The organization, not the city in "Washington-based".
    (("“There is significant risk here,” Bill Roggio, a senior fellow at the Washington-based Foundation for "
     "the Defense of Democracies, told VOA."),
     {("Bill Roggio", "senior fellow", "Foundation for the Defense of Democracies", False)}),
    # The organization the militias are known as.
    (("Abu Mahdi al-Muhandis, the deputy commander of Iranian-backed Iraqi militias, known as the Popular "
     "Mobilization Forces, also died in the strike."),
     {("Abu Mahdi al-Muhandis", "deputy commander", "Popular Mobilization Forces", False)}),
    # A portfolio after "of" is part of the title; the country before it is the employer.
    ("U.S. Secretary of State Mike Pompeo said Washington would respond.",
     {("Mike Pompeo", "Secretary of State", "Department of State", False)}),
    # A title set off by a comma before the name; the honorific is no part of the name.
    ("Iran Supreme Leader, Ayatollah Ali Khamenei, called for three days of national mourning.",
     {("Ali Khamenei", "Supreme Leader", "Iran", False)}),
    # Wire copy: "Y spokesman X", "X, Y's chairman and chief executive officer".
    ("The rig capsized near Morgan City, Chevron spokesman Jonathan Lifa said.",
     {("Jonathan Lifa", "spokesman", "Chevron", False)}),
    (("“Our results were impressive,” said John A. Georges, International Paper's chairman and chief "
     "executive officer."),
     {("John A. Georges", "chairman", "International Paper", False),
      ("John A. Georges", "chief executive officer", "International Paper", False)}),
    # A relative clause: "who is a major in ...", a verb of office: "works at ...".
    (("“The truth is hard to find,” said Mrs. Higgins, 37, who is a major in the Marine Corps and works at "
     "the Pentagon as a public information officer."),
     {("Higgins", "major", "Marine Corps", False), ("Higgins", "employee", "Pentagon", False)}),
    # A name the model mistagged or missed is a person by construction: an age, "who", an apposed role.
    ("Warner, 70, who owned the failed Home State Savings Bank of Cincinnati, had filed a petition.",
     {("Warner", "owner", "Home State Savings Bank of Cincinnati", False)}),
    ("Sevket Kazan, deputy leader of the RP (Welfare Party) parliamentary group, said the DEP decided.",
     {("Sevket Kazan", "deputy leader", "RP", False)}),
    # An organization the model did not tag, named in the title.
    ("The trucks overturned, said California Highway Patrol Officer James O'Brien.",
     {("James O'Brien", "Officer", "California Highway Patrol", False)}),
    # A title of several words with the organization in front; a service and a rank of several words
    # between the title and the name.
    ("Pentagon Press Secretary Navy Rear Adm. John Kirby said Defense Secretary Chuck Hagel spoke with Russian "
     "Defense Minister Sergey Shoygu.",
     {("John Kirby", "Press Secretary", "Pentagon", False), ("Chuck Hagel", "Defense Secretary", "Pentagon", False),
      ("Sergey Shoygu", "Defense Minister", "Russian", False)}),
    ("Deputy State Department Spokesperson Jalina Porter told reporters.",
     {("Jalina Porter", "Deputy Spokesperson", "State Department", False)}),
    ("Centcom Commander Marine Corps Gen. Kenneth F. McKenzie said during a Pentagon briefing Friday.",
     {("Kenneth F. McKenzie", "Commander", "Centcom", False)}),
    # A press release's "Name, Title, Organization" and "Title Name, Organization".
    ("W. Craig Fugate, Administrator, Federal Emergency Management Agency (FEMA), Department of Homeland Security, "
     "named Donald L. Keldsen as the Federal Coordinating Officer.",
     {("W. Craig Fugate", "Administrator", "Federal Emergency Management Agency", False),
      ("Donald L. Keldsen", "Federal Coordinating Officer", "Federal Emergency Management Agency", False)}),
    ("“We worked closely with our partners,” said Port Director Andres Guerra, Roma Port of Entry.",
     {("Andres Guerra", "Port Director", "Roma Port of Entry", False)}),
])
def test_role_constructions(nlp, text, expected):
    assert roles(nlp, text) == expected


def test_predicates_of_office(nlp):
    found = roles(nlp, "Karen Smith became chairman of Acme Corp. in 1988. John Doe, who works for IBM, "
                       "disagreed.")
    assert ("Karen Smith", "chairman", "Acme Corp.", False) in found
    assert ("John Doe", "employee", "IBM", False) in found


def test_the_company_is_the_one_named_before(nlp):
    assert roles(nlp, "General Motors reported a loss. The company's chief executive, Mary Barra, declined "
                      "to comment.") == {("Mary Barra", "chief executive", "General Motors", False)}


def test_a_quoted_source_speaks_for_the_one_organization_named(nlp):
    assert roles(nlp, "Waste Disposal Co. of Randolph is preparing to offer a home needle pickup service, "
                      "said Debra Bornstein, a company official.") == {
        ("Debra Bornstein", "company official", "Waste Disposal Co.", False)}


def test_a_bare_title_takes_the_organization_the_article_gives(nlp):
    text = ("The strike was launched at the direction of U.S. President Donald Trump.\n\n"
            "President Trump did not immediately comment.")
    facts = list(role_facts(nlp(text)))
    assert [(f.person.text, f.role, f.organization.text) for f in facts] == [
        ("Donald Trump", "President", "U.S."), ("Trump", "President", "U.S.")]
    # Each fact keeps the evidence of its own sentence.
    assert facts[1].evidence.sentence == "President Trump did not immediately comment."
    assert text[facts[1].evidence.start : facts[1].evidence.end] == "President Trump"


def test_a_rank_alone_and_page_chrome_give_no_role(nlp):
    text = ("Breaking News\n\nGeneral Soleimani is dead.\n\n"
            "Photo of Defense Secretary Mark Esper\nPhoto of Defense Secretary Mark Esper\n")
    assert roles(nlp, text) == set()


def offices(nlp, text: str) -> set[tuple[str, str, str, str]]:
    return {(f.person.text, f.role, f.organization.text if f.organization else "", f.state.text if f.state else "")
            for f in role_facts(nlp(text))}


def test_offices_of_state_in_a_list(nlp):
    # Department-bound titles: the department, part of the state whose offices they are.
    text = ("The summit was attended by Secretary of State Mike Pompeo, Treasury Secretary Steven Mnuchin, "
            "Defense Secretary Jim Mattis and National Security Adviser John Bolton.")
    assert offices(nlp, text) == {
        ("Mike Pompeo", "Secretary of State", "Department of State", "United States"),
        ("Steven Mnuchin", "Treasury Secretary", "Department of the Treasury", "United States"),
        ("Jim Mattis", "Defense Secretary", "Department of Defense", "United States"),
        ("John Bolton", "National Security Adviser", "National Security Council", "United States")}


def test_an_office_of_state_takes_the_country_and_department_the_article_writes(nlp):
    text = ("U.S. Attorney General Merrick B. Garland announced the charges. The Justice Department said twelve "
            "people were arrested.")
    assert offices(nlp, text) == {("Merrick B. Garland", "Attorney General", "Justice Department", "U.S.")}


def test_a_bare_government_title_takes_the_state_of_the_article(nlp):
    text = ("Secretary of State Antony J. Blinken spoke with Japanese Minister for Foreign Affairs Hayashi "
            "Yoshimasa on Monday.\n\nPresident Biden will travel to Tokyo in May, Spokesperson Ned Price said.")
    assert offices(nlp, text) == {
        ("Antony J. Blinken", "Secretary of State", "Department of State", "United States"),
        ("Hayashi Yoshimasa", "Minister for Foreign Affairs", "Japanese", ""),
        ("Biden", "President", "United States", ""),
        ("Ned Price", "Spokesperson", "Department of State", "United States")}


def test_titles_joined_by_a_slash_and_for_a_country(nlp):
    text = ("Pakistani Deputy Prime Minister/Foreign Minister Dar met U.N. envoy for Syria Staffan de Mistura "
            "in Geneva.")
    assert roles(nlp, text) == {
        ("Dar", "Deputy Prime Minister", "Pakistani", False), ("Dar", "Foreign Minister", "Pakistani", False),
        ("Staffan de Mistura", "envoy for Syria", "U.N.", False)}


def test_roles_of_a_company_with_of_and_former(nlp):
    text = "Carlos Ghosn, the former Nissan chairman, fled Japan. The chief of Nissan, Makoto Uchida, apologized."
    assert roles(nlp, text) == {("Carlos Ghosn", "chairman", "Nissan", True),
                                ("Makoto Uchida", "chief", "Nissan", False)}


def test_the_issuing_department_gives_its_state_to_bare_titles(nlp):
    text = ("The following is attributable to Spokesperson Ned Price: Secretary Blinken spoke with Saudi Foreign "
            "Minister Prince Faisal bin Farhan today.\n\nThe Department of State will publish the full readout.")
    assert offices(nlp, text) == {
        ("Ned Price", "Spokesperson", "United States", ""), ("Blinken", "Secretary", "United States", ""),
        ("Faisal bin Farhan", "Foreign Minister", "Saudi", "")}


def test_a_quoted_source_with_a_common_title_speaks_for_the_one_organization_named(nlp):
    assert roles(nlp, "The Coast Guard rescued seven people from a sinking shrimp boat near the station, said "
                      "station chief Kenneth Compton.") == {("Kenneth Compton", "station chief", "Coast Guard", False)}


def test_writing_for_a_paper_is_a_role(nlp):
    assert roles(nlp, "Jane Smith, who writes for The New York Times, disagreed.") == {
        ("Jane Smith", "writer", "New York Times", False)}


def test_whom_a_source_speaks_to_is_not_their_employer(nlp):
    assert roles(nlp, "“This is really hurting the town,” the town's mayor Willi Marx told The Associated Press.") == {
        ("Willi Marx", "mayor", "", False)}


def test_a_family_name_written_first_keeps_the_state_of_the_full_name(nlp):
    text = ("Japanese Minister for Foreign Affairs Hayashi Yoshimasa arrived on Monday.\n\n"
            "Foreign Minister Hayashi met reporters.")
    assert roles(nlp, text) == {("Hayashi Yoshimasa", "Minister for Foreign Affairs", "Japanese", False),
                                ("Hayashi", "Foreign Minister", "Japanese", False)}


def test_an_issuer_gives_its_state_only_to_titles_it_uses(nlp):
    text = ("Secretary of State Mike Pompeo met Chinese President Xi Jinping in Beijing.\n\n"
            "Vice Premier Liu He will visit Washington in May.")
    assert offices(nlp, text) == {
        ("Mike Pompeo", "Secretary of State", "Department of State", "United States"),
        ("Xi Jinping", "President", "Chinese", ""), ("Liu He", "Vice Premier", "China", "")}


def test_a_phrase_after_two_coordinated_nouns_belongs_to_the_second(nlp):
    text = ("“We are not against growth,” says Patrick Strosahl, a jeweler and president of Vision Seattle, which "
            "supports the plan.")
    assert roles(nlp, text) == {("Patrick Strosahl", "president", "Vision Seattle", False)}


def test_titles_apposed_to_a_list_of_announcers(nlp):
    """The close of a Justice Department release: each name with its title in apposition, past a
    generational suffix ("Jr.,"), a phrase the parser hangs from the name ("at the U.S. Department of
    Justice") and a name the parser hangs from its own title (Wheeler)."""
    text = ("The sentence was announced by John R. Lausch, Jr., United States Attorney for the Northern District of "
            "Illinois; Matthew G. Olsen, Assistant Attorney General for National Security at the U.S. Department "
            "of Justice; and Robert W. Wheeler, Jr., Special Agent-in-Charge of the Chicago Field Office of the FBI.")
    assert roles(nlp, text) == {
        ("John R. Lausch, Jr.", "United States Attorney", "U.S. Department of Justice", False),
        ("Matthew G. Olsen", "Assistant Attorney General for National Security", "U.S. Department of Justice", False),
        ("Robert W. Wheeler, Jr.", "Special Agent-in-Charge", "Chicago Field Office of the FBI", False)}


def test_a_bare_title_takes_the_state_of_the_publisher(nlp):
    """A White House readout names its own president bare; the other leader carries a nationality."""
    text = "Late Saturday morning, President Obama returned Indian Prime Minister Singh's phone call."
    doc = nlp(text)
    assert {(f.person.text, f.role, f.organization.text if f.organization else "")
            for f in role_facts(doc, publisher="United States")} == {
        ("Obama", "President", "United States"), ("Singh", "Prime Minister", "Indian")}
    assert {(f.person.text, f.organization.text if f.organization else "") for f in role_facts(doc)} == {
        ("Obama", ""), ("Singh", "Indian")}


@pytest.mark.parametrize(("text", "expected"), [
    # A past office with the time it ended is former.
    ("The United States extradited Andres Felipe Arias Leiva, who served as Colombia’s Minister of Agriculture "
     "from 2005 to 2009, to face a prison sentence.",
     {("Andres Felipe Arias Leiva", "Minister of Agriculture", "Colombia", True)}),
    # A role verb governing a person states no role of its subject ("direct" someone is no directorship).
    ("President Trump and Prime Minister Johnson directed United States Director of the National Economic "
     "Council Larry Kudlow and United Kingdom Cabinet Secretary Mark Sedwill to launch a group.",
     {("Trump", "President", "United States", False), ("Johnson", "Prime Minister", "United Kingdom", False),
      ("Larry Kudlow", "Director", "National Economic Council", False),
      ("Mark Sedwill", "Cabinet Secretary", "United Kingdom", False)}),
])
def test_when_an_office_ended_and_whom_a_verb_governs(nlp, text, expected):
    assert roles(nlp, text) == expected


def test_long_offices_and_corporate_titles(nlp):
    """An office named with the bureau it is for is one title of its department; a corporate title takes no
    state from the issuer."""
    text = ("“We act today,” said Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. "
            "Nelson. In meetings with Executive Vice President Valdis Dombrovskis, the Deputy Secretary discussed "
            "sanctions.")
    assert roles(nlp, text) == {
        ("Brian E. Nelson", "Under Secretary of the Treasury for Terrorism and Financial Intelligence",
         "Department of the Treasury", False),
        ("Valdis Dombrovskis", "Executive Vice President", "", False)}


def test_a_readout_gives_its_spokesperson_the_department_and_a_portfolio_its_state(nlp):
    text = ("The following is attributable to Spokesperson Ned Price: Secretary of State Antony J. Blinken spoke "
            "today with Indian External Affairs Minister Subrahmanyam Jaishankar. Secretary Blinken and Foreign "
            "Minister Jaishankar discussed regional security.")
    assert roles(nlp, text) == {
        ("Ned Price", "Spokesperson", "Department of State", False),
        ("Antony J. Blinken", "Secretary of State", "Department of State", False),
        ("Subrahmanyam Jaishankar", "External Affairs Minister", "Indian", False),
        ("Blinken", "Secretary", "Department of State", False),
        ("Jaishankar", "Foreign Minister", "Indian", False)}


@pytest.mark.parametrize(("text", "expected"), [
    # Two coordinated titles share the people in front; a title alone tagged a person is no person.
    ("Deputy Secretary of State Wendy Sherman met with Chinese State Councilor and Foreign Minister Wang Yi.",
     {("Wendy Sherman", "Deputy Secretary of State", "Department of State", False),
      ("Wang Yi", "State Councilor", "Chinese", False), ("Wang Yi", "Foreign Minister", "Chinese", False)}),
    # "General" that ends a title is no rank; capitals before a title name its organization.
    ("NATO Secretary General Jens Stoltenberg met EU High Representative for Foreign Affairs and Security Policy "
     "Josep Borrell.",
     {("Jens Stoltenberg", "Secretary General", "NATO", False),
      ("Josep Borrell", "High Representative for Foreign Affairs and Security Policy", "EU", False)}),
    ("IAEA Director General Rafael Grossi briefed the council.",
     {("Rafael Grossi", "Director General", "IAEA", False)}),
    # A known organization the model ran into the name after "Ambassador to" is where the posting is to.
    ("U.S. Ambassador to the United Nations Kelly Craft addressed the Security Council.",
     {("Kelly Craft", "Ambassador", "U.S.", False)}),
    # A particle inside a name tagged an organization; a body of a country named by a common noun.
    ("Staffan de Mistura, the U.N. special envoy for Syria, met Ali Larijani, speaker of Iran's parliament.",
     {("Staffan de Mistura", "special envoy", "U.N.", False), ("Ali Larijani", "speaker", "Iran", False)}),
    # "Special" after "Deputy" is part of the title, no person.
    ("U.N. Special Envoy for Syria Geir Pedersen and Deputy Special Envoy Najat Rochdi met.",
     {("Geir Pedersen", "Special Envoy for Syria", "U.N.", False), ("Najat Rochdi", "Deputy Special Envoy", "", False)}),
    # A list of officials: each role is the name's it stands before or follows, none shared.
    ("The delegation also included Commerce Secretary Wilbur Ross, Agriculture Secretary Sonny Perdue and Peter "
     "Navarro, the president's trade adviser.",
     {("Wilbur Ross", "Commerce Secretary", "Department of Commerce", False),
      ("Sonny Perdue", "Agriculture Secretary", "Department of Agriculture", False),
      ("Peter Navarro", "trade adviser", "", False)}),
    # "Under" of "Under Secretary" is no preposition; the bare title is held where the article's other one is.
    ("Under Secretary of State for Political Affairs Victoria Nuland met Under Secretary Nuland's staff.",
     {("Victoria Nuland", "Under Secretary of State for Political Affairs", "Department of State", False),
      ("Nuland", "Under Secretary", "Department of State", False)}),
])
def test_titles_of_international_officials(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # An organization apposed after the apposed role is its organization.
    ("“The strike supported our partners,” said U.S. Army Brig. Gen. Miguel Castellanos, deputy director of "
     "operations, U.S. Africa Command.",
     {("Miguel Castellanos", "deputy director", "U.S. Africa Command", False),
      ("Miguel Castellanos", "Gen.", "U.S. Army", False)}),
    # A noun phrase in a prepositional phrase before the comma is no title of the name after it.
    ("According to an Interpol warrant, Cruz Canas was present when an accomplice shot the man. Accompanied by FBI "
     "agents, Guevara arrived on U.S. soil yesterday.", set()),
    # An aide works where the person served holds office.
    ("Mr. Nelson is presently the Director of Communications for Arkansas Governor Michael Huckabee.",
     {("Nelson", "Director of Communications", "Arkansas", False), ("Michael Huckabee", "Governor", "Arkansas", False)}),
    # The role after "as": of a verb's object, and of a verb of leaving (a former role).
    ("The president nominated John Smith as ambassador to Japan. Carlos Ghosn stepped down as chief executive of "
     "Nissan. Jane Doe, who retired as president of Acme Corp. last year, spoke.",
     {("John Smith", "ambassador", "", False), ("Carlos Ghosn", "chief executive", "Nissan", True),
      ("Jane Doe", "president", "Acme Corp.", True)}),
    # A people the gazetteer leaves out is the country the article names with its stem.
    ("President Obama joined Vice President Biden’s meeting today with Georgian Prime Minister Irakli Garibashvili. "
     "They thanked Georgia for being a valued partner.",
     {("Obama", "President", "", False), ("Biden", "Vice President", "", False),
      ("Irakli Garibashvili", "Prime Minister", "Georgia", False)}),
    # Bare titles after a sentence on the officials of one organization are held there.
    ("Today, the Deputy Secretary met with counterparts from the European Commission in Brussels. In meetings with "
     "Executive Vice President Valdis Dombrovskis, Commissioner Paolo Gentiloni, and Secretary-General Stefano "
     "Sannino, the Deputy Secretary discussed sanctions.",
     {("Valdis Dombrovskis", "Executive Vice President", "European Commission", False),
      ("Paolo Gentiloni", "Commissioner", "European Commission", False),
      ("Stefano Sannino", "Secretary-General", "European Commission", False)}),
])
def test_appositions_aides_leaving_demonyms_and_delegations(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The agent of a passive verb of office.
    ("The Mediterranean Foundation, headed by Juan Novara, released a study.",
     {("Juan Novara", "head", "Mediterranean Foundation", False)}),
    # The role of a noun of appointment, "to be" hung from the verb that governs it.
    ("The President has signed the recess appointment of Eric S. Edelman of Virginia, to be Under Secretary of "
     "Defense for Policy.",
     {("Eric S. Edelman", "Under Secretary of Defense for Policy", "Department of Defense", False)}),
    # Coordinated titled people: the organization after the last name, the country of a title with one head word.
    ("Secretary Blinken met with Minister Wang Yi and Vice Minister Ma Zhaoxu of China.",
     {("Blinken", "Secretary", "", False), ("Wang Yi", "Minister", "China", False),
      ("Ma Zhaoxu", "Vice Minister", "China", False)}),
    ("Deputy Secretary Sherman met with Ukrainian Foreign Minister Dmytro Kuleba and Defense Minister Oleksii "
     "Reznikov.",
     {("Sherman", "Deputy Secretary", "", False), ("Dmytro Kuleba", "Foreign Minister", "Ukrainian", False),
      ("Oleksii Reznikov", "Defense Minister", "Ukrainian", False)}),
    # "the newspaper", like "the company", is the organization the sentence named last.
    ("Jane Roe was named publisher of the Daily Courier, succeeding John Doe, who will become the newspaper's "
     "chairman.",
     {("Jane Roe", "publisher", "Daily Courier", False), ("John Doe", "chairman", "Daily Courier", False)}),
    # A minister with no state written is held in the one other country a readout names, never in a state
    # without the office.
    ("The Secretary spoke with Foreign Minister Wang Yi today. They discussed China's role in the region.",
     {("Wang Yi", "Foreign Minister", "China", False)}),
    # A country after "to" is where an envoy is posted, not the state the envoy serves.
    ("Rahm Emanuel, the U.S. ambassador to Japan, attended the ceremony.",
     {("Rahm Emanuel", "ambassador", "U.S.", False)}),
    # The heir of a monarchy holds an office; "Prince" alone is an honorific.
    ("Saudi Crown Prince Mohammed bin Salman met Foreign Minister Prince Faisal bin Farhan.",
     {("Mohammed bin Salman", "Crown Prince", "Saudi", False), ("Faisal bin Farhan", "Foreign Minister", "Saudi Arabia", False)}),
])
def test_passive_agents_appointments_and_coordinated_officials(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A title opened by "the" is a person of its own, not a second title of the name after it.
    ("The President and Prime Minister Brown had a productive call earlier today.",
     {("Brown", "Prime Minister", "", False)}),
    # The office a resignation leaves is a former one.
    ("Last night I accepted the resignation of John Bryson as Secretary of the Department of Commerce.",
     {("John Bryson", "Secretary", "Department of Commerce", True)}),
    ("The board announced Karen Smith's retirement as chairman of Acme Corp. on Monday.",
     {("Karen Smith", "chairman", "Acme Corp.", True)}),
    # A sanctions release: the names listed under a heading that ends with a colon hold the role it gives.
    ('OFAC designated the following two individuals, who are leaders of the Revolutionary Armed Forces of '
     'Colombia (FARC):\n\nJuan Carlos Ramirez Abadia (alias "Chupeta")\n\nLuis Hernando Gomez Bustamante (alias '
     '"Rasguno")\n\nThe following two individuals were also designated and are members of the Sinaloa Cartel:\n\n'
     'Joaquin Guzman Loera (alias "El Chapo")',
     {("Juan Carlos Ramirez Abadia", "leader", "Revolutionary Armed Forces of Colombia", False),
      ("Luis Hernando Gomez Bustamante", "leader", "Revolutionary Armed Forces of Colombia", False),
      ("Joaquin Guzman Loera", "member", "Sinaloa Cartel", False)}),
])
def test_round_two_constructions(nlp, text, expected):
    assert roles(nlp, text) == expected
