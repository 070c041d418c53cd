from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rung.accounts"
    verbose_name = "Accounts"
