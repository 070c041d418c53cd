"""Mail for notifications (immediate, collapsed, and the digest)."""


def schedule(user_ids: list[int]) -> None:
    """Have the worker mail these members what waits for them, a few minutes from now."""
