from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rung.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from allauth.core.internal import ratelimit as allauth_ratelimit
        from django.core.cache import caches
        from django.utils.connection import ConnectionProxy

        from rung.accounts import (  # noqa: F401  (signal receivers)
            employer_signals,
            login_throttle,
            signals,
            signup_network,
        )

        # allauth counts sign-ups, reset mails and the like in the default cache, which is
        # each worker's own memory here; point it at the shared "limits" store instead.
        allauth_ratelimit.cache = ConnectionProxy(caches, "limits")
