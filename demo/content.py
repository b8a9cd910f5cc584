"""The demo site's content: facts from the original pages, text in both languages.

Every text is a `T(fi, en)` pair. The loader builds the Finnish site from `.fi` and gives the
English strings to wagtail-localize as the translations of the Finnish segments.
"""

import datetime
from decimal import Decimal
from typing import NamedTuple


class T(NamedTuple):
    fi: str
    en: str


def h(fi, en):
    return ("heading", T(fi, en))


def p(fi, en):
    return ("paragraph", T(fi, en))


ORGANISATIONS = {
    # key: (name, short name, kind, website)
    "lapinliitto": (
        T("Lapin liitto", "Regional Council of Lapland"),
        "",
        "regional_council",
        "https://www.lapinliitto.fi/",
    ),
    "luke": (
        T("Luonnonvarakeskus", "Natural Resources Institute Finland"),
        "LUKE",
        "research_institute",
        "https://www.luke.fi/",
    ),
    "gtk": (
        T("Geologian tutkimuskeskus", "Geological Survey of Finland"),
        "GTK",
        "research_institute",
        "https://www.gtk.fi/",
    ),
    "digipolis": (T("Digipolis", "Digipolis"), "", "development_company", ""),
    "proagria": (T("ProAgria Lappi", "ProAgria Lapland"), "ProAgria", "advisory", ""),
    "lapinamk": (
        T("Lapin ammattikorkeakoulu", "Lapland University of Applied Sciences"),
        "Lapin AMK",
        "university",
        "https://www.lapinamk.fi/",
    ),
    "ulapland": (
        T("Lapin yliopisto", "University of Lapland"),
        "",
        "university",
        "https://www.ulapland.fi/",
    ),
    "rovaniemenkehitys": (
        T("Rovaniemen kehitys", "Rovaniemi Development Company"),
        "",
        "development_company",
        "",
    ),
    "mti": (
        T("Matkailun tutkimus- ja koulutusinstituutti", "Tourism Research and Education Institute"),
        "MTI",
        "education",
        "",
    ),
    "lappia": (T("Lappia", "Lappia Vocational College"), "", "education", ""),
    "luc": (
        T("Lapin korkeakoulukonserni", "Lapland University Consortium"),
        "LUC",
        "university",
        "",
    ),
    "ely": (T("Lapin ELY-keskus", "ELY Centre for Lapland"), "ELY", "public_agency", ""),
    "teambotnia": (T("Team Botnia", "Team Botnia"), "", "other", ""),
    "cor": (
        T("Euroopan unionin alueiden komitea", "European Committee of the Regions"),
        "",
        "eu_body",
        "https://cor.europa.eu/",
    ),
}

PEOPLE = {
    # key: (name, role, organisation key, email, phone)
    "jokelainen": (
        "Kristiina Jokelainen",
        T("Projektipäällikkö", "Project Manager"),
        "lapinliitto",
        "kristiina.jokelainen@lapinliitto.fi",
        "040 501 9856",
    ),
    "havukainen": (
        "Ilari Havukainen",
        T("Projektipäällikkö", "Project Manager"),
        "lapinliitto",
        "ilari.havukainen@lapinliitto.fi",
        "040 621 6116",
    ),
    "mikkola": (
        "Teija Mikkola",
        T("Projektipäällikkö", "Project Manager"),
        "rovaniemenkehitys",
        "teija.mikkola@rovaniemi.fi",
        "+358 40 771 6761",
    ),
}

FUNDING_SOURCES = {
    # key: (name, short name, kind)
    "erdf": (
        T("Euroopan aluekehitysrahasto", "European Regional Development Fund"),
        T("EAKR", "ERDF"),
        "eu_fund",
    ),
    "lapinliitto": (T("Lapin liitto", "Regional Council of Lapland"), T("", ""), "national"),
    "municipal": (T("Kuntarahoitus", "Municipal funding"), T("", ""), "municipal"),
    "other_public": (T("Muu julkinen rahoitus", "Other public funding"), T("", ""), "other_public"),
    "private": (T("Yksityinen rahoitus", "Private funding"), T("", ""), "private"),
}

FOOTER = {
    "organisation": "lapinliitto",
    "street_address": "Hallituskatu 20 B",
    "postal_address": "96100 Rovaniemi",
    "email": "arcticsmartness@lapinliitto.fi",
}

HOME = {
    "hero_text": T(
        "Lapin älykäs erikoistuminen ja kansainvälinen yhteistyö",
        "Lapland's smart specialisation and international cooperation",
    ),
    "intro": T(
        "<p>Arctic Smartness kokoaa lappilaiset klusterit, hankkeet ja kehittäjät yhteen, "
        "jotta Lapin osaaminen näkyy ja vaikuttaa Euroopassa.</p>",
        "<p>Arctic Smartness brings Lapland's clusters, projects and developers together so "
        "that the region's expertise is seen and heard in Europe.</p>",
    ),
    "featured": ["strategy", "clusters", "asp"],
}

SECTIONS = {
    "clusters": {
        "title": T("Klusterit", "Clusters"),
        "slug": T("klusterit", "clusters"),
        "summary": T(
            "Arctic Smartness Portfolion viisi klusteria verkostoivat lappilaiset toimijat "
            "oman toimialansa eurooppalaisille areenoille.",
            "The five clusters of the Arctic Smartness Portfolio connect Lapland's actors "
            "with the European arenas of their field.",
        ),
    },
    "projects": {
        "title": T("Hankkeet", "Projects"),
        "slug": T("hankkeet", "projects"),
        "summary": T(
            "Hankkeet, joilla Lapin älykästä erikoistumista ja kansainvälistymistä on viety "
            "eteenpäin: kuka vetää, kuka rahoittaa ja millä tuloksilla.",
            "Projects that have taken Lapland's smart specialisation and internationalisation "
            "forward: who leads them, who funds them and what they achieved.",
        ),
    },
    "news": {
        "title": T("Ajankohtaista", "News"),
        "slug": T("ajankohtaista", "news"),
        "summary": T(
            "Uutisia ja tapahtumia Arctic Smartness -yhteistyöstä.",
            "News and events from the Arctic Smartness cooperation.",
        ),
    },
}

CLUSTERS = [
    {
        "key": "industry",
        "title": T("Arktinen teollisuus ja kiertotalous", "Arctic Industry and Circular Economy"),
        "slug": T("arktinen-teollisuus-ja-kiertotalous", "arctic-industry-and-circular-economy"),
        "summary": T(
            "Arktinen teollisuus / Arktinen kiertotalous & cleantech -klusteri vie Lapin "
            "teollisuuden, kaivosalan ja puhtaan teknologian osaamista Euroopan "
            "arvoketjuihin.",
            "The Arctic Industry / Arctic Circular Economy & Cleantech cluster takes "
            "Lapland's industrial, mining and clean-technology know-how into European "
            "value chains.",
        ),
        "lead": "digipolis",
        "members": ["gtk", "luke", "lapinamk"],
        "themes": [
            T("Kiertotalous", "Circular economy"),
            T("Cleantech", "Cleantech"),
            T("Kaivos- ja metalliteollisuus", "Mining and metal industry"),
        ],
        "body": [
            h(
                "Teollisuuden sivuvirrat uusiksi tuotteiksi",
                "Industrial side streams into new products",
            ),
            p(
                "<p>Klusteri auttaa yrityksiä löytämään kumppaneita, joiden kanssa teollisuuden "
                "sivuvirroista ja jätteistä tehdään raaka-aineita.</p>",
                "<p>The cluster helps companies find partners with whom industrial side "
                "streams and waste become raw materials.</p>",
            ),
        ],
    },
    {
        "key": "rural",
        "title": T("Arktinen älykäs maaseutuverkosto", "Arctic Smart Rural Community"),
        "slug": T("arktinen-alykas-maaseutuverkosto", "arctic-smart-rural-community"),
        "summary": T(
            "Verkosto kehittää harvaan asutun maaseudun elinkeinoja, palveluja ja "
            "biotaloutta yhdessä eurooppalaisten kumppanien kanssa.",
            "The network develops the livelihoods, services and bioeconomy of the sparsely "
            "populated countryside together with European partners.",
        ),
        "lead": "proagria",
        "members": ["luke", "lapinamk"],
        "themes": [
            T("Biotalous", "Bioeconomy"),
            T("Ruoka", "Food"),
            T("Maaseudun palvelut", "Rural services"),
        ],
        "body": [
            h("Elinvoimaa harvaan asutulle alueelle", "Vitality for a sparsely populated region"),
            p(
                "<p>Maaseutuverkosto tuo yhteen viljelijät, yrittäjät ja tutkijat kokeilemaan "
                "uusia tapoja tuottaa ruokaa ja palveluja pitkien etäisyyksien Lapissa.</p>",
                "<p>The rural network brings farmers, entrepreneurs and researchers together "
                "to try new ways of producing food and services across Lapland's long "
                "distances.</p>",
            ),
        ],
    },
    {
        "key": "design",
        "title": T("Arktinen muotoilu", "Arctic Design"),
        "slug": T("arktinen-muotoilu", "arctic-design"),
        "summary": T(
            "Arktinen muotoilu yhdistää pohjoisen kulttuurin, palvelumuotoilun ja "
            "talviolosuhteiden osaamisen tuotteiksi ja palveluiksi.",
            "Arctic Design combines northern culture, service design and know-how of "
            "winter conditions into products and services.",
        ),
        "lead": "ulapland",
        "members": ["lapinamk"],
        "themes": [
            T("Palvelumuotoilu", "Service design"),
            T("Talviolosuhteet", "Winter conditions"),
        ],
        "body": [
            h("Muotoilua pohjoisen ehdoilla", "Design on northern terms"),
            p(
                "<p>Klusteri tarjoaa yrityksille muotoiluosaamista, jossa kylmä, pimeä ja "
                "valoisa vuodenkierto nähdään voimavarana.</p>",
                "<p>The cluster offers companies design expertise that treats the cold, the "
                "dark and the bright seasons as a resource.</p>",
            ),
        ],
    },
    {
        "key": "environments",
        "title": T("Arktiset kehitysympäristöt", "Arctic Development Environments"),
        "slug": T("arktiset-kehitysymparistot", "arctic-development-environments"),
        "summary": T(
            "Testaus- ja kehitysympäristöt, joissa tuotteita ja palveluja kokeillaan "
            "todellisissa arktisissa olosuhteissa.",
            "Test and development environments where products and services are tried out "
            "in real Arctic conditions.",
        ),
        "lead": "lapinamk",
        "members": ["gtk", "ulapland"],
        "themes": [
            T("Kylmätestaus", "Cold testing"),
            T("Tutkimusinfrastruktuurit", "Research infrastructures"),
        ],
        "body": [
            h("Laboratoriona koko Lappi", "All of Lapland as a laboratory"),
            p(
                "<p>Ajoneuvojen, laitteiden ja materiaalien testaus kovassa pakkasessa on "
                "lappilaista erityisosaamista, jota klusteri tekee tunnetuksi.</p>",
                "<p>Testing vehicles, equipment and materials in severe frost is a Lapland "
                "speciality that the cluster makes known.</p>",
            ),
        ],
    },
    {
        "key": "safety",
        "title": T("Arktinen turvallisuus", "Arctic Safety and Security"),
        "slug": T("arktinen-turvallisuus", "arctic-safety-and-security"),
        "summary": T(
            "Turvallisuusosaaminen matkailussa, liikenteessä ja ympäristössä, jotta "
            "pohjoisessa voi asua, työskennellä ja matkustaa turvallisesti.",
            "Safety know-how in tourism, transport and the environment, so that people can "
            "live, work and travel safely in the north.",
        ),
        "lead": "mti",
        "members": ["lapinamk", "ulapland"],
        "themes": [
            T("Matkailun turvallisuus", "Tourism safety"),
            T("Riskien hallinta", "Risk management"),
        ],
        "body": [
            h("Turvallinen pohjoinen", "A safe north"),
            p(
                "<p>Klusteri kehittää matkailualan turvallisuuskoulutusta ja yhteistyötä "
                "pelastus- ja turvallisuusviranomaisten kanssa.</p>",
                "<p>The cluster develops safety training for the tourism industry and "
                "cooperation with rescue and security authorities.</p>",
            ),
        ],
    },
]

STRATEGY = {
    "title": T(
        "Lappi – arktinen ja kansainvälinen menestyjä", "Lapland – Arctic and International Success"
    ),
    "slug": T("strategia-2018-2022", "strategy-2018-2022"),
    "period": (2018, 2022),
    "summary": T(
        "Lapin kansainvälistyvän ja älykkään erikoistumisen strategia vuosille 2018–2022 "
        "tarkentaa Lapin arktisen erikoistumisen ohjelmaa.",
        "Lapland's strategy for internationalisation and smart specialisation for "
        "2018–2022 refines the Arctic Specialisation Programme of Lapland.",
    ),
    "body": [
        h("Neljä liiketoiminnan alaa", "Four business areas"),
        p(
            "<p>Strategia nimeää neljä alaa, joihin panostetaan. Niitä tuetaan vahvistamalla "
            "osaamista, innovaatioita ja alueen vetovoimaa sekä tiiviillä alueellisella "
            "yhteistyöllä.</p>",
            "<p>The strategy names four areas to invest in. They are supported by building "
            "up competence, innovation and the region's attractiveness, and by close "
            "regional cooperation.</p>",
        ),
        p(
            "<p>Strategian prioriteetit julkistettiin marraskuussa 2018 Missä mennään Arctic "
            "Smartness -yhteistyössä? -tapahtumassa.</p>",
            "<p>The strategy's priorities were published in November 2018 at the event "
            "Where are we in Arctic Smartness cooperation?</p>",
        ),
    ],
}

PRIORITIES = [
    {
        "key": "circular",
        "title": T("Kiertotalous", "Circular economy"),
        "slug": T("kiertotalous", "circular-economy"),
        "summary": T(
            "Materiaalit ja energia kiertoon Lapin teollisuudessa ja yhteisöissä.",
            "Keeping materials and energy in use in Lapland's industry and communities.",
        ),
        "clusters": ["industry", "environments"],
    },
    {
        "key": "tourism",
        "title": T("Kestävä matkailu", "Sustainable tourism"),
        "slug": T("kestava-matkailu", "sustainable-tourism"),
        "summary": T(
            "Ympäri vuoden kantava matkailu, joka säilyttää Lapin luonnon ja kulttuurin.",
            "Year-round tourism that preserves Lapland's nature and culture.",
        ),
        "clusters": ["safety", "design"],
    },
    {
        "key": "processing",
        "title": T("Luonnonvarojen jalostusasteen nosto", "Higher processing of natural resources"),
        "slug": T("luonnonvarojen-jalostus", "processing-natural-resources"),
        "summary": T(
            "Enemmän arvoa Lapin metsistä, mineraaleista ja ruoasta lähellä niiden lähdettä.",
            "More value from Lapland's forests, minerals and food close to their source.",
        ),
        "clusters": ["rural", "industry"],
    },
    {
        "key": "emerging",
        "title": T("Uudet nousevat alat", "New emerging sectors"),
        "slug": T("uudet-nousevat-alat", "new-emerging-sectors"),
        "summary": T(
            "Uusia aloja, kuten testaustoimintaa ja arktista muotoilua, joissa "
            "Lapilla on etulyöntiasema.",
            "New sectors, such as testing and Arctic design, in which Lapland has an edge.",
        ),
        "clusters": ["design", "environments"],
    },
]

PROJECTS = [
    {
        "key": "menestyja",
        "title": T(
            "Lappi – arktinen ja kansainvälinen menestyjä",
            "Lapland – Arctic and International Success",
        ),
        "slug": T(
            "lappi-arktinen-ja-kansainvalinen-menestyja", "lapland-arctic-and-international-success"
        ),
        "acronym": "",
        "summary": T(
            "Hanke teki Lapille kansainvälistymisstrategian ja vei lappilaisia yrityksiä ja "
            "kehittäjiä eurooppalaisiin verkostoihin.",
            "The project gave Lapland an internationalisation strategy and took Lapland's "
            "companies and developers into European networks.",
        ),
        "lead": "lapinliitto",
        "partners": [],
        "start": datetime.date(2017, 2, 20),
        "end": datetime.date(2018, 12, 31),
        "budget": Decimal("432760"),
        "funding": [("erdf", None, Decimal("88.1"))],
        "programme": T(
            "Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma",
            "Sustainable Growth and Jobs 2014–2020 – Finland's Structural Funds Programme",
        ),
        "period": "2014-2020",
        "goals": [
            T(
                "Laatia Lapin kansainvälistymisstrategia yhdessä alueen toimijoiden kanssa.",
                "Draw up Lapland's internationalisation strategy together with the region's "
                "actors.",
            ),
            T(
                "Koota 20 yrittäjän ja elinkeinokehittäjän ryhmä oppimaan kansainvälistymistä "
                "ja rahoituksen käyttöä.",
                "Gather a group of 20 entrepreneurs and business developers to learn "
                "internationalisation and the use of funding.",
            ),
            T(
                "Tuoda muiden Euroopan alueiden hyvät käytännöt Lappiin parastamismatkoilla.",
                "Bring good practice from other European regions to Lapland through "
                "benchmarking trips.",
            ),
        ],
        "work_packages": [],
        "results": [
            T(
                "Discovering the Arctic Future – as Part of Europe -konferenssi marraskuussa "
                "2017 yhdessä EU:n alueiden komitean kanssa, yli 200 osallistujaa.",
                "The conference Discovering the Arctic Future – as Part of Europe in November "
                "2017 with the EU Committee of the Regions, over 200 participants.",
            ),
            T(
                "Osallistuminen European Cluster Excellence -ohjelman matchmaking-tapahtumiin "
                "ja koulutuksiin.",
                "Taking part in the matchmaking events and training of the European Cluster "
                "Excellence programme.",
            ),
            T(
                "”Näin me se tehtiin” -tarinat kansainvälistymisen onnistumisista.",
                "“This is how we did it” stories of successful internationalisation.",
            ),
        ],
        "contacts": [],
        "clusters": ["industry", "rural", "design", "environments", "safety"],
        "priorities": ["circular", "tourism", "processing", "emerging"],
        "body": [
            h(
                "Kansainvälistyminen yhteisenä ponnistuksena",
                "Internationalisation as a joint effort",
            ),
            p(
                "<p>Alueellista kehittämistä rahoitetaan yhä useammin EU-tason ja muista "
                "kansainvälisistä lähteistä. Hanke kokosi lappilaiset toimijat rakentamaan "
                "Lapin roolia kansainvälisenä toimijana.</p>",
                "<p>Regional development is increasingly funded from EU-level and other "
                "international sources. The project brought Lapland's actors together to "
                "build the region's role as an international player.</p>",
            ),
            p(
                "<p>Vuoden 2018 lopulla hanke järjesti seminaarin Brysselissä.</p>",
                "<p>At the end of 2018 the project held a seminar in Brussels.</p>",
            ),
        ],
    },
    {
        "key": "asp",
        "title": T("Arctic Smartness Portfolio", "Arctic Smartness Portfolio"),
        "slug": T("arctic-smartness-portfolio", "arctic-smartness-portfolio"),
        "acronym": "ASP",
        "summary": T(
            "ASP-hanke vei lappilaisia älykkään erikoistumisen klustereita eurooppalaisille "
            "areenoille ja vahvisti kansainvälisen rahoituksen hankintaa.",
            "The ASP project took Lapland's smart-specialisation clusters to European "
            "arenas and strengthened the region's capacity to win international funding.",
        ),
        "lead": "lapinliitto",
        "partners": [
            "luke",
            "gtk",
            "digipolis",
            "proagria",
            "lapinamk",
            "ulapland",
            "rovaniemenkehitys",
        ],
        "start": None,
        "end": datetime.date(2015, 12, 31),
        "budget": None,
        "funding": [("erdf", None, None)],
        "programme": T("", ""),
        "period": "",
        "goals": [
            T(
                "Käynnistää 15 kansainvälisen rahoituksen aloitetta vuosille 2016 ja 2017.",
                "Launch 15 international funding initiatives for 2016 and 2017.",
            ),
            T(
                "Tuottaa klustereista selkeää tausta- ja esitysmateriaalia suomeksi ja "
                "englanniksi.",
                "Produce clear background and presentation material on the clusters in "
                "Finnish and English.",
            ),
            T(
                "Tehdä lappilaisista toimijoista tunnettuja arktisia erityisosaajia EU-tasolla.",
                "Make Lapland's actors known at EU level as Arctic specialists.",
            ),
        ],
        "work_packages": [],
        "results": [
            T(
                "Viisi klusteria verkostoitui eurooppalaisille areenoille.",
                "Five clusters networked on European arenas.",
            ),
        ],
        "contacts": ["jokelainen", "havukainen"],
        "clusters": ["industry", "rural", "design", "environments", "safety"],
        "priorities": [],
        "body": [
            h("Lappi mallialueena", "Lapland as a model region"),
            p(
                "<p>Lappi on yksi kuudesta eurooppalaisen klusteritoiminnan mallialueesta. "
                "Hankkeessa alueen toimijat verkostoituivat yhteisrintamana ja jakoivat tietoa "
                "toisilleen.</p>",
                "<p>Lapland is one of six European model regions for cluster policy. In the "
                "project the region's actors networked as one front and shared information "
                "with each other.</p>",
            ),
        ],
    },
    {
        "key": "gtc",
        "title": T("Growth through Cooperation", "Growth through Cooperation"),
        "slug": T("growth-through-cooperation", "growth-through-cooperation"),
        "acronym": "",
        "summary": T(
            "Hanke lisäsi Lapin eri toimialojen yhteistyötä, kokosi elinkeinoelämän yhteisen "
            "vision ja toi Barentsin alueen mahdollisuudet yritysten tietoon.",
            "The project increased cooperation between Lapland's industries, drew up a "
            "shared vision for the business community and brought the opportunities of the "
            "Barents region to companies.",
        ),
        "lead": None,
        "partners": [],
        "start": datetime.date(2019, 10, 1),
        "end": datetime.date(2022, 9, 30),
        "budget": Decimal("170250"),
        "funding": [
            ("erdf", Decimal("136200"), None),
            ("municipal", Decimal("21200"), None),
            ("other_public", Decimal("5000"), None),
            ("private", Decimal("7850"), None),
        ],
        "programme": T(
            "Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma",
            "Sustainable Growth and Jobs 2014–2020 – Finland's Structural Funds Programme",
        ),
        "period": "2014-2020",
        "goals": [
            T(
                "Lisätä Lapin eri toimialojen yhteistyötä.",
                "Increase cooperation between Lapland's industries.",
            ),
            T(
                "Koota elinkeinoelämän yhteinen visio ja viestit.",
                "Draw up a shared vision and messages for the business community.",
            ),
            T(
                "Tuoda Barentsin alueen yhteistyömahdollisuudet elinkeinoelämän tietoon.",
                "Bring the cooperation opportunities of the Barents region to businesses.",
            ),
        ],
        "work_packages": [
            (
                T(
                    "Lapin elinkeinoelämän yhteistyön kehittäminen",
                    "Developing cooperation in Lapland's business community",
                ),
                T(
                    "Pyöreän pöydän työ eri toimialojen edustajien kanssa.",
                    "Round-table work with representatives of different industries.",
                ),
            ),
            (
                T(
                    "Lapin elinkeinoelämän kansainväliset verkostot",
                    "International networks of Lapland's business community",
                ),
                T(
                    "Barentsin alueen investointipotentiaaliselvitys ja sen jalkautus.",
                    "A study of the Barents region's investment potential and putting it to use.",
                ),
            ),
            (
                T("Viestintä", "Communication"),
                T(
                    "Infografiikat, selvitykset ja videot faktapohjaisen Lappi-kuvan tueksi.",
                    "Infographics, studies and videos for a fact-based image of Lapland.",
                ),
            ),
        ],
        "results": [
            T(
                "Lapin elinkeinoelämällä on kirjattu yhteinen visio, joka painottaa vihreän "
                "siirtymän mukaista kestävää kasvua.",
                "Lapland's business community has a written shared vision that stresses "
                "sustainable growth in line with the green transition.",
            ),
            T(
                "Barentsin alueen investointipotentiaaliselvitys lisäsi ymmärrystä pohjoisen "
                "mahdollisuuksista.",
                "The Barents investment-potential study increased understanding of the "
                "north's potential.",
            ),
        ],
        "contacts": [],
        "clusters": ["industry"],
        "priorities": ["circular", "processing"],
        "body": [
            h(
                "Yhteinen ääni Lapin elinkeinoelämälle",
                "A common voice for Lapland's business community",
            ),
            p(
                "<p>Hankkeen tulosten pohjalta käynnistettiin työ rajat ylittävän pohjoisen "
                "vihreän siirtymän teollisuusstrategian laatimiseksi.</p>",
                "<p>Building on the project's results, work began on a cross-border "
                "industrial strategy for the green transition in the north.</p>",
            ),
        ],
    },
    {
        "key": "networks",
        "title": T(
            "Lapin kehittäjien kansainväliset verkostot",
            "International Networks of Lapland's Developers",
        ),
        "slug": T("kehittajien-kansainvaliset-verkostot", "international-networks-of-developers"),
        "acronym": "",
        "summary": T(
            "Rovaniemen kehityksen hallinnoima projekti nosti Lapin kehittämisyhtiöiden ja "
            "kuntien valmiutta osallistua kansainvälisiin rahoitus- ja yhteistyöverkostoihin.",
            "Administered by Rovaniemi Development Company, the project prepared Lapland's "
            "development companies and municipalities to take part in international funding "
            "and cooperation networks.",
        ),
        "lead": "rovaniemenkehitys",
        "partners": ["teambotnia"],
        "start": datetime.date(2013, 4, 1),
        "end": datetime.date(2014, 12, 31),
        "budget": Decimal("285600"),
        "funding": [("lapinliitto", None, Decimal("75")), ("municipal", None, Decimal("25"))],
        "programme": T("", ""),
        "period": "",
        "goals": [
            T(
                "Luoda Lappiin kehittäjien verkosto, joka jakaa tietoa suoran EU-rahoituksen "
                "hankkeista.",
                "Create a network of developers in Lapland that shares knowledge of directly "
                "EU-funded projects.",
            ),
            T(
                "Sopia seutukuntien yhteinen toimintamalli kansainvälisten hankkeiden "
                "hakemiseen ja hallinnointiin.",
                "Agree on a joint way of working for the sub-regions in applying for and "
                "managing international projects.",
            ),
        ],
        "work_packages": [
            (
                T("Työpajat kehittäjille", "Workshops for developers"),
                T(
                    "Verkoston toimintamalli, keskinäinen tiedotus ja kansainvälinen "
                    "rahoitusosaaminen.",
                    "The network's way of working, mutual information and international funding "
                    "know-how.",
                ),
            ),
            (
                T("Infoseminaarit yrityksille", "Information seminars for companies"),
                T(
                    "Seminaarit ja työpajat seutukuntien yrityksille.",
                    "Seminars and workshops for the sub-regions' companies.",
                ),
            ),
        ],
        "results": [
            T(
                "Tietovarasto kehittäjien kansainvälisten verkostojen kontakteista.",
                "A register of the developers' international network contacts.",
            ),
            T(
                "Seutukuntien yhteinen toimintamalli hankkeiden koordinointiin.",
                "A joint model for the sub-regions to coordinate projects.",
            ),
        ],
        "contacts": ["mikkola"],
        "clusters": [],
        "priorities": [],
        "body": [
            h("Kohderyhmät", "Target groups"),
            p(
                "<p>Projektin kohderyhmänä olivat kehittämisyhtiöiden yritysneuvojat ja "
                "hankeasiantuntijat sekä lappilaiset yritykset. Mukana olivat myös alueen "
                "TKI-toimijat, kuten LUC, MTI, Lappia, ELY-keskus ja Lapin liitto.</p>",
                "<p>The project was aimed at the business advisers and project experts of the "
                "development companies and at Lapland's companies. The region's RDI actors, "
                "such as LUC, MTI, Lappia, the ELY Centre and the Regional Council, also took "
                "part.</p>",
            ),
            p(
                "<p>Team Botnia osallistui kustannuksiin kahdella 2 500 euron osuudella "
                "(+ alv).</p>",
                "<p>Team Botnia contributed two shares of 2,500 euros (+ VAT) to the costs.</p>",
            ),
        ],
    },
]

# Pages under the project index whose figures and bars are calculated from the projects
# above (overview app); editors write only the titles and the introduction.
PROJECT_OVERVIEWS = {
    "funding": {
        "title": T("Rahoituskatsaus", "Funding overview"),
        "slug": T("rahoitus", "funding"),
        "summary": T(
            "Hankkeiden budjetit yhteensä rahoituslähteittäin, klustereittain ja vuosittain "
            "sekä EU-rahoituksen osuus.",
            "The projects' combined budgets by funding source, cluster and year, and the share "
            "of EU funding.",
        ),
        "intro": [
            p(
                "<p>Luvut lasketaan hankesivujen rahoitustiedoista aina, kun sivu avataan, joten "
                "ne ovat ajan tasalla ilman erillistä päivittämistä.</p>",
                "<p>The figures are calculated from the funding data on the project pages "
                "whenever this page is opened, so they are always up to date.</p>",
            ),
        ],
    },
    "timeline": {
        "title": T("Hankkeiden aikajana", "Project timeline"),
        "slug": T("aikajana", "timeline"),
        "summary": T(
            "Kaikki hankkeet aikajanalla alkamis- ja päättymispäivänsä mukaan.",
            "All projects on a time axis from their start date to their end date.",
        ),
        "intro": [],
    },
}

# Subjects news items are grouped by (the seeds' keywords).
TOPICS = {
    "strategy": T("Strategia", "Strategy"),
    "clusters": T("Klusterit", "Clusters"),
    "conference": T("Konferenssi", "Conference"),
    "eu": T("EU", "EU"),
}

NEWS = [
    {
        "key": "missa-mennaan",
        "title": T(
            "Missä mennään Arctic Smartness -yhteistyössä?",
            "Where are we in Arctic Smartness cooperation?",
        ),
        "slug": T(
            "missa-mennaan-arctic-smartness-yhteistyossa",
            "where-are-we-in-arctic-smartness-cooperation",
        ),
        "date": datetime.date(2018, 11, 7),
        "summary": T(
            "Arctic Smartness -toiminta kaipaa yrittäjiä ja kuntia vahvemmin mukaan "
            "seuraaviin askeliin.",
            "Arctic Smartness needs entrepreneurs and municipalities more strongly involved "
            "in the next steps.",
        ),
        "event": {
            "start": datetime.datetime(2018, 11, 6, 9, 0),
            "end": datetime.datetime(2018, 11, 6, 16, 0),
            "venue": T("Lapin yliopisto, Rovaniemi", "University of Lapland, Rovaniemi"),
            "participants": 100,
        },
        "topics": ["strategy", "clusters"],
        "clusters": ["industry", "rural", "design", "environments", "safety"],
        "projects": ["menestyja"],
        "body": [
            p(
                "<p>Tiistaina 6. marraskuuta noin sata lappilaista klusteritoimijaa kokoontui "
                "Lapin yliopistolle verkostoitumaan ja pohtimaan älykkään erikoistumisen "
                "seuraavia askelia.</p>",
                "<p>On Tuesday 6 November about a hundred cluster actors from Lapland gathered "
                "at the University of Lapland to network and to think about the next steps of "
                "smart specialisation.</p>",
            ),
            p(
                "<p>Suurimpina hyötyinä pidettiin alueellista yhteistyötä ja verkostoja sekä "
                "niiden avaamia mahdollisuuksia kansainvälistymiseen ja lisärahoitukseen.</p>",
                "<p>Regional cooperation and networks, and the chances they open for "
                "internationalisation and extra funding, were seen as the greatest "
                "benefits.</p>",
            ),
            p(
                "<p>Tapahtumassa julkistettiin Lapin strategiset prioriteetit vuosille "
                "2018–2022. Yhteiseksi haasteeksi nähtiin kuntien ja yritysten vahvempi mukaan "
                "ottaminen.</p>",
                "<p>The event published Lapland's strategic priorities for 2018–2022. Involving "
                "municipalities and companies more strongly was seen as the shared "
                "challenge.</p>",
            ),
        ],
    },
    {
        "key": "conference-2017",
        "title": T(
            "Discovering the Arctic Future – as Part of Europe",
            "Discovering the Arctic Future – as Part of Europe",
        ),
        "slug": T("discovering-the-arctic-future", "discovering-the-arctic-future"),
        "date": datetime.date(2017, 11, 30),
        "summary": T(
            "Yli 200 osallistujaa kokoontui marraskuussa 2017 konferenssiin, jonka Lapin "
            "hanke järjesti yhdessä EU:n alueiden komitean kanssa.",
            "Over 200 participants gathered in November 2017 at a conference organised by "
            "a Lapland project together with the EU Committee of the Regions.",
        ),
        "event": {
            "start": datetime.datetime(2017, 11, 30, 9, 0),
            "end": datetime.datetime(2017, 11, 30, 17, 0),
            "venue": T("Rovaniemi", "Rovaniemi"),
            "participants": 200,
        },
        "topics": ["conference", "eu"],
        "clusters": [],
        "projects": ["menestyja"],
        "body": [
            p(
                "<p>Konferenssi toi arktisen Euroopan tulevaisuuden keskusteluun Lapin "
                "toimijoiden, EU:n alueiden komitean ja kansainvälisten vieraiden kesken.</p>",
                "<p>The conference brought the future of Arctic Europe to a discussion "
                "between Lapland's actors, the EU Committee of the Regions and international "
                "guests.</p>",
            ),
        ],
    },
    {
        "key": "brussels-2018",
        "title": T(
            "Lapin seminaari Brysselissä vuoden 2018 lopulla",
            "Lapland seminar in Brussels at the end of 2018",
        ),
        "slug": T("seminaari-brysselissa-2018", "seminar-in-brussels-2018"),
        "date": datetime.date(2018, 10, 15),
        "summary": T(
            "Lappi – arktinen ja kansainvälinen menestyjä -hanke järjestää seminaarin "
            "Brysselissä vuoden 2018 lopulla.",
            "The project Lapland – Arctic and International Success holds a seminar in "
            "Brussels at the end of 2018.",
        ),
        "event": None,
        "topics": ["eu"],
        "clusters": [],
        "projects": ["menestyja"],
        "body": [
            p(
                "<p>Seminaari esittelee Lapin osaamista ja kumppanuusmahdollisuuksia "
                "eurooppalaisille päättäjille ja verkostoille.</p>",
                "<p>The seminar presents Lapland's expertise and partnership opportunities to "
                "European decision-makers and networks.</p>",
            ),
        ],
    },
]

STANDARD_PAGES = [
    {
        "key": "about",
        "title": T("Tietoa Arctic Smartnessista", "About Arctic Smartness"),
        "slug": T("tietoa", "about"),
        "summary": T(
            "Arctic Smartness on Lapin liiton koordinoima yhteistoimintamalli, jolla Lappi "
            "toteuttaa älykästä erikoistumista.",
            "Arctic Smartness is the cooperation model, coordinated by the Regional Council "
            "of Lapland, through which Lapland carries out smart specialisation.",
        ),
        "body": [
            h("Yhdessä kansainvälisille areenoille", "Together onto international arenas"),
            p(
                "<p>Yhteistyö ja verkostot ovat elintärkeitä Lapille, joka on "
                "kansainvälisellä mittapuulla pieni alue. Yhdessä kehittämällä pienetkin "
                "toimijat voivat yhdistää voimansa.</p>",
                "<p>Cooperation and networks are vital for Lapland, a small region by "
                "international standards. By developing together, even small actors can join "
                "forces.</p>",
            ),
        ],
    },
    {
        "key": "accessibility",
        "title": T("Saavutettavuusseloste", "Accessibility statement"),
        "slug": T("saavutettavuusseloste", "accessibility-statement"),
        "summary": T(
            "Miten Arctic Smartness -sivusto täyttää digitaalisten palvelujen tarjoamisesta "
            "annetun lain vaatimukset.",
            "How the Arctic Smartness site meets the requirements of the Act on the "
            "Provision of Digital Services.",
        ),
        "body": [
            h("Saavutettavuuden tila", "Compliance status"),
            p(
                "<p>Sivusto on tehty täyttämään WCAG 2.1 -ohjeiden AA-tason vaatimukset. "
                "Saavutettavuus tarkistetaan automaattisesti jokaisen muutoksen "
                "yhteydessä.</p>",
                "<p>The site is built to meet level AA of the WCAG 2.1 guidelines. "
                "Accessibility is checked automatically with every change.</p>",
            ),
            h("Sisältö, joka ei ole saavutettavaa", "Non-accessible content"),
            p(
                "<p>Upotetuissa videoissa ei aina ole tekstitystä, ja osa vanhoista "
                "PDF-julkaisuista on skannattuja kuvia. Korjaamme puutteet sitä mukaa kuin "
                "sisältöä päivitetään.</p>",
                "<p>Embedded videos do not always have captions, and some older PDF "
                "publications are scanned images. We fix these as the content is "
                "updated.</p>",
            ),
            h("Palaute", "Feedback"),
            p(
                "<p>Jos huomaat saavutettavuuspuutteen, kerro siitä osoitteeseen "
                "arcticsmartness@lapinliitto.fi.</p>",
                "<p>If you notice an accessibility problem, please tell us at "
                "arcticsmartness@lapinliitto.fi.</p>",
            ),
            h("Valvontaviranomainen", "Enforcement authority"),
            p(
                "<p>Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen "
                "Etelä-Suomen aluehallintovirastoon, joka valvoo saavutettavuutta.</p>",
                "<p>If you are not satisfied with the reply, you can notify the Regional "
                "State Administrative Agency for Southern Finland, which enforces "
                "accessibility.</p>",
            ),
        ],
    },
    {
        "key": "privacy",
        "title": T("Tietosuojaseloste", "Privacy notice"),
        "slug": T("tietosuojaseloste", "privacy-notice"),
        "summary": T(
            "Mitä henkilötietoja sivusto julkaisee, miksi ja miten voit vaikuttaa niihin.",
            "What personal data the site publishes, why, and what you can do about it.",
        ),
        "body": [
            h("Rekisterinpitäjä", "Controller"),
            p(
                "<p>Lapin liitto, Hallituskatu 20 B, 96100 Rovaniemi. Yhteyshenkilö: "
                "arcticsmartness@lapinliitto.fi.</p>",
                "<p>Regional Council of Lapland, Hallituskatu 20 B, 96100 Rovaniemi, "
                "Finland. Contact: arcticsmartness@lapinliitto.fi.</p>",
            ),
            h("Mitä tietoja julkaisemme", "What we publish"),
            p(
                "<p>Klusteri-, hanke- ja uutissivuilla julkaistaan yhteyshenkilöiden nimi, "
                "tehtävä, organisaatio sekä työsähköposti ja työpuhelinnumero, jotta "
                "kiinnostuneet voivat ottaa yhteyttä hankkeisiin.</p>",
                "<p>Cluster, project and news pages show the contact persons' name, role, "
                "organisation, work email and work phone number, so that people interested "
                "in a project can reach it.</p>",
            ),
            h("Käsittelyn peruste ja säilytysaika", "Legal basis and retention"),
            p(
                "<p>Tiedot käsitellään Lapin liiton yleisen edun mukaisen tehtävän "
                "hoitamiseksi (EU:n yleinen tietosuoja-asetus, 6 artikla 1 e). Tiedot "
                "poistetaan tai päivitetään, kun henkilö ei enää ole hankkeen "
                "yhteyshenkilö.</p>",
                "<p>The data is processed to perform the Regional Council's task in the "
                "public interest (EU General Data Protection Regulation, Article 6(1)(e)). "
                "It is removed or updated when the person is no longer a contact of the "
                "project.</p>",
            ),
            h("Oikeutesi", "Your rights"),
            p(
                "<p>Voit pyytää nähtäväksesi, korjattavaksi tai poistettavaksi sinusta "
                "julkaistut tiedot osoitteesta arcticsmartness@lapinliitto.fi. Voit myös "
                "tehdä valituksen tietosuojavaltuutetun toimistolle.</p>",
                "<p>You can ask to see, correct or remove the data published about you at "
                "arcticsmartness@lapinliitto.fi. You can also lodge a complaint with the "
                "Office of the Data Protection Ombudsman.</p>",
            ),
        ],
    },
]

# The feedback form under the home page (feedback app), linked from every page's footer.
# Each field: (label, field type, required, help text, choices).
FEEDBACK_FORM = {
    "title": T("Palaute", "Feedback"),
    "slug": T("palaute", "feedback"),
    "summary": T(
        "Kerro meille, mitä pidät sivustosta ja mitä siitä puuttuu.",
        "Tell us what you think of the site and what is missing from it.",
    ),
    "intro": T(
        "<p>Palautteesi auttaa meitä kehittämään sivustoa. Jos haluat vastauksen, kirjoita "
        "myös sähköpostiosoitteesi. Voit lähettää palautetta myös osoitteeseen "
        "arcticsmartness@lapinliitto.fi.</p>",
        "<p>Your feedback helps us improve the site. If you would like a reply, please also "
        "give your email address. You can also send feedback to "
        "arcticsmartness@lapinliitto.fi.</p>",
    ),
    "thank_you_text": T(
        "<p>Kiitos palautteestasi! Luemme jokaisen viestin ja vastaamme arkipäivisin, jos "
        "annoit sähköpostiosoitteesi.</p>",
        "<p>Thank you for your feedback! We read every message and reply on working days if "
        "you gave your email address.</p>",
    ),
    "fields": [
        (
            T("Aihe", "Topic"),
            "radio",
            False,
            T("", ""),
            T(
                "Sivuston sisältö, Saavutettavuus, Tekninen ongelma, Muu asia",
                "Site content, Accessibility, Technical problem, Something else",
            ),
        ),
        (
            T("Viesti", "Message"),
            "multiline",
            True,
            T("Enintään 4000 merkkiä.", "At most 4,000 characters."),
            T("", ""),
        ),
        (T("Nimi", "Name"), "singleline", False, T("", ""), T("", "")),
        (
            T("Sähköposti", "Email"),
            "email",
            False,
            T("Jos haluat vastauksen.", "If you would like a reply."),
            T("", ""),
        ),
    ],
}
