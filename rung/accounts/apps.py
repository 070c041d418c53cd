from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rung.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from rung.accounts import signals  # noqa: F401
