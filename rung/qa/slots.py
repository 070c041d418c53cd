"""Where apps above qa add to a question's page."""

from rung.core.slots import Slot
from rung.qa.models import Question

# Below the answers and the answer form: similar questions (search), and the like.
question_page_end: Slot[Question] = Slot("end of a question's page")
