"""Projects: the index of projects and each EU- or nationally funded project.

The models, one module per concern:

- index.py: ProjectIndexPage, the list of all projects with its filters and exports;
- project.py: ProjectPage, its fields, editing panels, search fields, context and the facts
  derived from them (status, duration, funding table, relations in the page's language);
- rows.py: the rows a project page holds (partners, funding lines, goals, work packages,
  results, contacts).

Elsewhere in the app: FundingSource, the snippet the funding lines point at, lives with the
funding arithmetic in projects/funding.py (re-exported here); what the read-only API shows
of a project, in projects/api.py.

Every model is imported here, in the order they were always defined (the order Django and
Wagtail list them in), and other modules import them from `projects.models`.
"""

from ..funding import FundingSource
from .index import ProjectIndexPage
from .project import ProjectPage
from .rows import (
    ProjectContact,
    ProjectFundingLine,
    ProjectGoal,
    ProjectPartner,
    ProjectResult,
    ProjectWorkPackage,
)

__all__ = [
    "FundingSource",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectFundingLine",
    "ProjectGoal",
    "ProjectWorkPackage",
    "ProjectResult",
    "ProjectContact",
]
