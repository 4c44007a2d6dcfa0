"""Word lists the extractors use to tell people, organisations and places apart.

Kept small and general (news English), so the source-only mode behaves the
same on any story; nothing here is specific to one gold set.
"""

from __future__ import annotations

# Countries, regions and large cities news names without saying what they are.
PLACES = frozenset(
    """
    Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus
    Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia
    Cuba Cyprus Czechia Denmark Ecuador Egypt England Estonia Ethiopia Europe Finland France Georgia Germany
    Ghana Greece Greenland Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel
    Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Laos Latvia Lebanon Libya Lithuania
    Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Nepal
    Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland
    Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain
    Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Tunisia Turkey Uganda Ukraine Uruguay Uzbekistan
    Venezuela Vietnam Wales Yemen Zambia Zimbabwe America Africa Asia Antarctica Arctic Oceania Eurasia
    US U.S. USA U.S.A. UK U.K. EU Beijing Shanghai Shenzhen Guangzhou Hangzhou Wuhan Chengdu Tianjin Nanjing
    Tokyo Osaka Seoul Delhi Mumbai Bangalore Karachi Dhaka Jakarta Manila Bangkok Hanoi Taipei Moscow Kyiv Kiev
    London Paris Berlin Madrid Rome Milan Vienna Brussels Amsterdam Geneva Zurich Stockholm Oslo Copenhagen
    Helsinki Dublin Edinburgh Glasgow Manchester Liverpool Birmingham Lisbon Athens Warsaw Prague Budapest
    Istanbul Ankara Tehran Baghdad Riyadh Dubai Doha Cairo Lagos Nairobi Johannesburg Sydney Melbourne Toronto
    Vancouver Montreal Ottawa Washington Chicago Boston Seattle Houston Dallas Miami Atlanta Denver Detroit
    Philadelphia Phoenix Jerusalem California Texas Florida Virginia Ohio Michigan Arizona Nevada Oregon
    Alabama Alaska Arkansas Colorado Connecticut Delaware Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky
    Louisiana Maine Maryland Massachusetts Minnesota Mississippi Missouri Montana Nebraska Oklahoma
    Pennsylvania Tennessee Utah Vermont Wisconsin Wyoming Brooklyn Manhattan Hollywood Westminster Whitehall
    Caribbean Mediterranean Pacific Atlantic Balkans Gaza Crimea Donbas Kashmir Tibet Xinjiang Macau Macao
    West East North South Midwest Asia-Pacific
    """.split()
) | frozenset(
    [
        "Hong Kong", "New York", "New York City", "Los Angeles", "San Francisco", "Silicon Valley",
        "United States", "United Kingdom", "United Arab Emirates", "South Korea", "North Korea",
        "New Zealand", "South Africa", "Saudi Arabia", "Middle East", "Latin America", "South America",
        "North America", "Southeast Asia", "East Asia", "New Delhi", "Sri Lanka", "Northern Ireland",
        "Washington DC", "Washington D.C.", "Las Vegas", "San Diego", "New Jersey", "New Mexico",
        "North Carolina", "South Carolina", "West Virginia", "Rhode Island", "Tel Aviv", "Abu Dhabi",
        "Buenos Aires", "Rio de Janeiro", "Sao Paulo", "Mexico City", "Cape Town", "Northern California",
        "Southern California", "Wall Street", "Downing Street", "White House", "Capitol Hill",
    ]
)
# Names of one place: any of these in a summary stands for the others.
PLACE_ALIASES: tuple[frozenset[str], ...] = (
    frozenset({"United States", "US", "U.S.", "USA", "U.S.A.", "America"}),
    frozenset({"United Kingdom", "UK", "U.K.", "Britain"}),
    frozenset({"European Union", "EU"}),
)

# Last word of an organisation's name.
ORG_SUFFIXES = frozenset(
    """Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC Plc PLC Group Holdings
    Holding Technologies Technology Tech Labs Lab Laboratory Laboratories Systems Networks Partners Capital
    Ventures Bank Fund Trust Foundation Institute Institution University College School Academy Association
    Society Council Committee Commission Agency Authority Administration Ministry Department Bureau Office
    Service Services Board Exchange Party Parliament Congress Senate Court Police Army Navy Force Forces
    Club FC United City Rovers Athletic Times Post Journal News Herald Tribune Telegraph Guardian Press
    Media Network Broadcasting Studios Records Airlines Airways Motors Energy Oil Pharmaceuticals Federation
    League Union Organisation Organization Center Centre Hospital Church Team AI
    """.split()
)
# Words after a name that mark it as an organisation's short form ("Zhipu" = "Zhipu AI").
ORG_TAILS = frozenset(ORG_SUFFIXES | {"AI", "Group", "Inc", "Team", "Lab", "Labs", "Co"})
EVENT_WORDS = frozenset(
    "Summit Conference Forum Olympics Games Cup Championship War Festival Expo Election Congress Awards "
    "Open Marathon Week Fair Show Assembly".split()
)
# Titles and roles that, right before a name, mark it as a person.
PERSON_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady president vice-president
    senator governor mayor minister secretary chancellor premier king queen prince princess pope judge
    justice officer detective sergeant constable inspector captain commander general colonel lieutenant
    chairman chairwoman chair ceo cfo cto coo founder co-founder boss coach manager striker midfielder
    defender goalkeeper winger forward spokesman spokeswoman spokesperson analyst economist director
    rep. rep sen. sen gov. gov pastor father rev. reverend bishop ambassador chief executive actor actress
    singer rapper star player author writer editor reporter correspondent host presenter scientist researcher
    engineer lawyer attorney prosecutor
    """.split()
)
# Head nouns of a role ("technical lead", "chief AI scientist", "founder").
ROLE_WORDS = frozenset(
    """founder co-founder cofounder chief ceo cfo cto coo president chairman chairwoman chair director head
    lead leader leads leading heads scientist researcher engineer executive executives officer spokesman
    spokeswoman spokesperson analyst professor minister secretary manager partner economist coach captain
    boss editor reporter correspondent adviser advisor member deputy owner investor employee staff official
    officials hire alumnus veteran architect designer developer strategist consultant fellow student
    principal governor mayor senator chancellor commissioner ambassador striker midfielder defender
    goalkeeper winger player teacher doctor lawyer attorney judge pilot
    """.split()
)
FORMER_WORDS = frozenset("former ex- ex onetime one-time erstwhile previously formerly once".split())
SPEECH_VERBS = frozenset(
    """said says say stated states noted notes added adds told tells asserted asserts warned warns explained
    explains argued argues admitted admits observed observes remarked remarks declared declares insisted
    insists claimed claims acknowledged acknowledges conceded concedes suggested suggests emphasised
    emphasized stressed stresses wrote writes continued continues recalled recalls replied replies answered
    answers announced announces commented comments predicted predicts believes believed thinks thought
    cautioned cautions urged urges highlighted highlights estimated estimates concluded concludes
    responded responds confirmed confirms denied denies agreed agrees joked jokes quipped quips
    """.split()
)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
