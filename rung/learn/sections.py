"""What the learn app adds to pages of apps below it."""


def register() -> None:
    """Fill the slots of topic, home and search pages."""
