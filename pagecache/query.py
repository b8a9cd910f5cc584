"""Which query strings may fill the page cache.

Anyone can add `?utm_x=1`, `?a=<random>` or `?page=999999` to any address, and each variant
used to be stored as a page of its own: one scanner emptied the per-process cache and filled
Redis without bound. A page is now stored only when its view read every query parameter
(a parameter nobody reads changes nothing on the page) and accepted every value it read
(views call `ignored_part_of_the_query` when they fall back from a bad value). Such
requests are still answered, rendered as any uncached page; only real variants are kept.
"""

from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import QueryDict

IGNORED = "_page_cache_ignored_query"


class ReadParameters(QueryDict):
    """The request's query string, noting which parameter names the view reads. Asking for
    every name (iterating, `dict()`, `items()`) counts as reading them all; copying does
    not, since a copy is what pagination links are built from."""

    def __init__(self, query_string, encoding=None):
        self.query_string = query_string
        self.read = set()
        self.read_all = False
        super().__init__(query_string, encoding=encoding)
        # What QueryDict itself looked at while parsing is no reading by the view.
        self.read = set()
        self.read_all = False

    @classmethod
    def of(cls, request):
        # As Django builds request.GET: the raw bytes, decoded as the request's encoding.
        return cls(get_bytes_from_wsgi(request.environ, "QUERY_STRING", ""), request.encoding)

    def all_read(self):
        return self.read_all or set(self.keys()) <= self.read

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def __iter__(self):
        self.read_all = True
        return super().__iter__()

    def items(self):
        self.read_all = True
        return super().items()

    def lists(self):
        self.read_all = True
        return super().lists()

    def values(self):
        self.read_all = True
        return super().values()

    def dict(self):
        self.read_all = True
        return super().dict()

    def __copy__(self):
        return QueryDict(self.query_string, mutable=True, encoding=self.encoding)

    def __deepcopy__(self, memo):
        return self.__copy__()

    def copy(self):
        return self.__copy__()


def ignored_part_of_the_query(request):
    """Say that this answer ignored a bad value of the query string: it is not stored."""
    setattr(request, IGNORED, True)


def may_be_stored(request):
    if getattr(request, IGNORED, False):
        return False
    parameters = request.GET
    if not isinstance(parameters, ReadParameters):
        return True
    # The same page under another spelling (` ongoing`, `year=&year=`, `page=1&page=1`):
    # views read these leniently, but only the plain spelling is stored.
    for values in dict.values(parameters):
        if len(set(values)) != len(values) or any(v != v.strip() or not v for v in values):
            return False
    return parameters.all_read()
