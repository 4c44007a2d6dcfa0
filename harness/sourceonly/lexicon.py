"""Word lists the extractors use to tell people, organisations and places apart.

Kept small and general (news English), so the source-only mode behaves the
same on any story; nothing here is specific to one gold set.
"""

from __future__ import annotations

_MULTI_WORD_PLACES = (
    "Hong Kong|New York|New York City|Los Angeles|San Francisco|Silicon Valley|United States|"
    "United Kingdom|United Arab Emirates|South Korea|North Korea|New Zealand|South Africa|"
    "Saudi Arabia|Middle East|Latin America|South America|North America|Southeast Asia|"
    "East Asia|New Delhi|Sri Lanka|Northern Ireland|Washington DC|Washington D.C.|Las Vegas|"
    "San Diego|New Jersey|New Mexico|North Carolina|South Carolina|West Virginia|Rhode Island|"
    "Tel Aviv|Abu Dhabi|Buenos Aires|Rio de Janeiro|Sao Paulo|Mexico City|Cape Town|"
    "Northern California|Southern California|Wall Street|Downing Street|White House|"
    "Capitol Hill"
)
# Countries, regions and large cities news names without saying what they are.
PLACES = frozenset(
    """
    Afghanistan Africa Alabama Alaska Albania Algeria America Amsterdam Ankara Antarctica Arctic
    Argentina Arizona Arkansas Armenia Asia Asia-Pacific Athens Atlanta Atlantic Australia Austria
    Azerbaijan Baghdad Bahrain Balkans Bangalore Bangkok Bangladesh Beijing Belarus Belgium Berlin
    Birmingham Bolivia Bosnia Boston Brazil Britain Brooklyn Brussels Budapest Bulgaria Cairo California
    Cambodia Cameroon Canada Caribbean Chengdu Chicago Chile China Colombia Colorado Congo Connecticut
    Copenhagen Crimea Croatia Cuba Cyprus Czechia Dallas Delaware Delhi Denmark Denver Detroit Dhaka
    Doha Donbas Dubai Dublin East Ecuador Edinburgh Egypt England Estonia Ethiopia EU Eurasia Europe
    Finland Florida France Gaza Geneva Georgia Germany Ghana Glasgow Greece Greenland Guangzhou
    Guatemala Haiti Hangzhou Hanoi Hawaii Helsinki Hollywood Honduras Houston Hungary Iceland Idaho
    Illinois India Indiana Indonesia Iowa Iran Iraq Ireland Israel Istanbul Italy Jakarta Jamaica Japan
    Jerusalem Johannesburg Jordan Kansas Karachi Kashmir Kazakhstan Kentucky Kenya Kiev Korea Kosovo
    Kuwait Kyiv Lagos Laos Latvia Lebanon Libya Lisbon Lithuania Liverpool London Louisiana Luxembourg
    Macao Macau Madrid Maine Malaysia Mali Malta Manchester Manhattan Manila Maryland Massachusetts
    Mediterranean Melbourne Mexico Miami Michigan Midwest Milan Minnesota Mississippi Missouri Moldova
    Mongolia Montana Montenegro Montreal Morocco Moscow Mozambique Mumbai Myanmar Nairobi Nanjing
    Nebraska Nepal Netherlands Nevada Nicaragua Niger Nigeria North Norway Oceania Ohio Oklahoma Oman
    Oregon Osaka Oslo Ottawa Pacific Pakistan Palestine Panama Paraguay Paris Pennsylvania Peru
    Philadelphia Philippines Phoenix Poland Portugal Prague Qatar Riyadh Romania Rome Russia Rwanda
    Scotland Seattle Senegal Seoul Serbia Shanghai Shenzhen Singapore Slovakia Slovenia Somalia South
    Spain Stockholm Sudan Sweden Switzerland Sydney Syria Taipei Taiwan Tanzania Tehran Tennessee Texas
    Thailand Tianjin Tibet Tokyo Toronto Tunisia Turkey U.K. U.S. U.S.A. Uganda UK Ukraine Uruguay US
    USA Utah Uzbekistan Vancouver Venezuela Vermont Vienna Vietnam Virginia Wales Warsaw Washington West
    Westminster Whitehall Wisconsin Wuhan Wyoming Xinjiang Yemen Zambia Zimbabwe Zurich
    """.split()  # noqa: SIM905
) | frozenset(_MULTI_WORD_PLACES.split("|"))
# Names of one place: any of these in a summary stands for the others.
PLACE_ALIASES: tuple[frozenset[str], ...] = (
    frozenset({"United States", "US", "U.S.", "USA", "U.S.A.", "America"}),
    frozenset({"United Kingdom", "UK", "U.K.", "Britain"}),
    frozenset({"European Union", "EU"}),
)

# Last word of an organisation's name.
ORG_SUFFIXES = frozenset(
    """
    Academy Administration Agency AI Airlines Airways Army Association Athletic Authority Bank Board
    Broadcasting Bureau Capital Center Centre Church City Club Co Co. College Commission Committee
    Companies Company Congress Corp Corp. Corporation Council Court Department Energy Exchange FC
    Federation Force Forces Foundation Fund Group Guardian Herald Holding Holdings Hospital Inc Inc.
    Institute Institution Journal Lab Laboratories Laboratory Labs League Limited LLC Ltd Ltd. Media
    Ministry Motors Navy Network Networks News Office Oil Organisation Organization Parliament Partners
    Party Pharmaceuticals Plc PLC Police Post Press Records Rovers School Senate Service Services
    Society Studios Systems Team Tech Technologies Technology Telegraph Times Tribune Trust Union United
    University Ventures
    """.split()  # noqa: SIM905
)
# Words after a name that mark it as an organisation's short form ("Zhipu" = "Zhipu AI").
ORG_TAILS = frozenset(ORG_SUFFIXES | {"AI", "Group", "Inc", "Team", "Lab", "Labs", "Co"})
EVENT_WORDS = frozenset(
    """
    Assembly Awards Championship Conference Congress Cup Election Expo Fair Festival Forum Games
    Marathon Olympics Open Show Summit War Week
    """.split()  # noqa: SIM905
)
# Titles and roles that, right before a name, mark it as a person.
PERSON_TITLES = frozenset(
    """
    actor actress ambassador analyst attorney author bishop boss captain ceo cfo chair chairman
    chairwoman chancellor chief co-founder coach colonel commander constable coo correspondent cto dame
    defender detective director dr dr. economist editor engineer executive father forward founder
    general goalkeeper gov gov. governor host inspector judge justice king lady lawyer lieutenant lord
    manager mayor midfielder minister mr mr. mrs mrs. ms ms. officer pastor player pope premier
    presenter president prince princess prof prof. professor prosecutor queen rapper rep rep. reporter
    researcher rev. reverend scientist secretary sen sen. senator sergeant singer sir spokesman
    spokesperson spokeswoman star striker vice-president winger writer
    """.split()  # noqa: SIM905
)
# Head nouns of a role ("technical lead", "chief AI scientist", "founder").
ROLE_WORDS = frozenset(
    """
    adviser advisor alumnus ambassador analyst architect attorney boss captain ceo cfo chair chairman
    chairwoman chancellor chief co-founder coach cofounder commissioner consultant coo correspondent cto
    defender deputy designer developer director doctor economist editor employee engineer executive
    executives fellow founder goalkeeper governor head heads hire investor judge lawyer lead leader
    leading leads manager mayor member midfielder minister officer official officials owner partner
    pilot player president principal professor reporter researcher scientist secretary senator spokesman
    spokesperson spokeswoman staff strategist striker student teacher veteran winger
    """.split()  # noqa: SIM905
)
FORMER_WORDS = frozenset(
    """
    erstwhile ex ex- former formerly once one-time onetime previously
    """.split()  # noqa: SIM905
)
SPEECH_VERBS = frozenset(
    """
    acknowledged acknowledges added adds admits admitted agreed agrees announced announces answered
    answers argued argues asserted asserts believed believes cautioned cautions claimed claims commented
    comments conceded concedes concluded concludes confirmed confirms continued continues declared
    declares denied denies emphasised emphasized estimated estimates explained explains highlighted
    highlights insisted insists joked jokes noted notes observed observes predicted predicts quipped
    quips recalled recalls remarked remarks replied replies responded responds said say says stated
    states stressed stresses suggested suggests tells thinks thought told urged urges warned warns
    writes wrote
    """.split()  # noqa: SIM905
)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
