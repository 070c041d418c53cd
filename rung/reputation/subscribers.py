"""What reputation hears from qa (filled in by the ledger's handlers)."""


def subscribe() -> None:
    pass
