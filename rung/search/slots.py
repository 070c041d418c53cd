"""Where apps above search add results of their own (learn's lessons) above the questions."""

from dataclasses import dataclass

from rung.core.slots import Slot
from rung.search.analysis import Query
from rung.search.fulltext import Filters


@dataclass(frozen=True)
class SearchSubject:
    """What a search page asks for: the parsed words and the filters beside the box."""

    query: Query
    filters: Filters


# On the first page of a search with words in it; each section renders its own template
# and honours the filters and `-word` exclusions as the question results do.
results_sections: Slot[SearchSubject] = Slot("search results sections")
