"""Where apps above accounts add to a member's public profile."""

from rung.accounts.models import User
from rung.core.slots import Slot

# Below the profile's header: the member's posts (qa), and later their standing and badges.
profile_sections: Slot[User] = Slot("member profile")
