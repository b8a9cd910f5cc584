"""/healthz for load balancers and uptime checks: is the database answering, is it migrated?

200 `{"database": "ok", "migrations": "ok"}` when both hold, 503 naming the failing part
otherwise; never a 500, never cached, no login. Once the migrations are found applied the
answer is kept for the life of the process: they cannot un-apply themselves while it runs,
and loading the migration graph on every probe would cost more than the probe itself.
"""

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"
UNAPPLIED = "unapplied"
UNKNOWN = "unknown"

_migrations_applied = False


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return ERROR
    return OK


def migrations_status():
    global _migrations_applied
    if _migrations_applied:
        return OK
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        logger.warning("Health check: could not read the applied migrations", exc_info=True)
        return ERROR
    if plan:
        logger.warning("Health check: %d migrations are not applied", len(plan))
        return UNAPPLIED
    _migrations_applied = True
    return OK


@require_safe
@never_cache
def healthz(request):
    checks = {"database": database_status()}
    # Without a database the migrations cannot be read: the failing part is the database.
    checks["migrations"] = migrations_status() if checks["database"] == OK else UNKNOWN
    healthy = all(status == OK for status in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
