"""Reading the sitemaps as a search engine does: the index at /sitemap.xml, then each
sitemap file it lists."""

from urllib.parse import urlsplit

from defusedxml import ElementTree

NAMESPACES = {
    "sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def index_locations(fetch):
    """The addresses of the sitemap files /sitemap.xml lists; `fetch(path)` gives a body."""
    root = ElementTree.fromstring(fetch("/sitemap.xml"))
    return [loc.text for loc in root.iterfind("sitemap:sitemap/sitemap:loc", NAMESPACES)]


def sitemap_entries(fetch):
    """{address: {hreflang: address}} of every page in every sitemap file of the index."""
    found = {}
    for location in index_locations(fetch):
        parts = urlsplit(location)
        path = f"{parts.path}?{parts.query}" if parts.query else parts.path
        for url in ElementTree.fromstring(fetch(path)).iterfind("sitemap:url", NAMESPACES):
            found[url.find("sitemap:loc", NAMESPACES).text] = {
                link.get("hreflang"): link.get("href")
                for link in url.iterfind("xhtml:link[@rel='alternate']", NAMESPACES)
            }
    return found


def client_fetch(client, **headers):
    """`fetch` for Django's test client."""

    def fetch(path):
        response = client.get(path, **headers)
        assert response.status_code == 200, path
        return response.content

    return fetch
