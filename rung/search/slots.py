"""Where apps above search add results of their own (learn's lessons) above the questions."""

from rung.core.slots import Slot
from rung.search.analysis import Query

# On the first page of a search with words in it; each section renders its own template.
results_sections: Slot[Query] = Slot("search results sections")
