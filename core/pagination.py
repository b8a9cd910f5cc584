"""Pagination that never fails on a visitor's `?page=` value."""

from django.core.paginator import Paginator

from pagecache.query import ignored_part_of_the_query


def paginate(request, items, per_page):
    """The page asked for in `?page=`, or the nearest real page when the value is bad.

    `page=abc` and `page=-1` give the first page, `page=999999` the last; no 404, no 500.
    """
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    if "page" in request.GET and raw != str(number):
        ignored_part_of_the_query(request)
    return paginator.page(number)
