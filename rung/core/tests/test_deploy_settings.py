"""Production settings pass Django's deployment checks; HTTPS is enforced, health stays on HTTP."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]
# Variables the settings read; each run starts from none of them.
SETTINGS_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "DATABASE_URL",
    "REDIS_URL",
}
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Kq2-vP9zL4mN8rT1wY6bH3jF5dS0gA_cE7uI2oQ9kZ4xV1nM8lR3tW6yB5hJ0p",
    "ALLOWED_HOSTS": "rung.example.com",
    "SECURE_COOKIES": "true",
}


def _run(args: list[str], variables: dict[str, str], tmp_path: Path) -> Any:
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_VARIABLES}
    env.update(variables, RUNG_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="rung.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def _deploy_check(variables: dict[str, str], tmp_path: Path) -> Any:
    return _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], variables, tmp_path)


def test_deploy_check_is_clean_with_production_settings(tmp_path: Path) -> None:
    """DEBUG off, a long key, a host name and SECURE_COOKIES: not one warning."""
    result = _deploy_check(PRODUCTION, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_deploy_check_fails_without_secure_cookies(tmp_path: Path) -> None:
    """The check is not vacuous: plain HTTP settings are reported."""
    result = _deploy_check({**PRODUCTION, "SECURE_COOKIES": "false"}, tmp_path)
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def _settings_under(variables: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    names = [
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_PROXY_SSL_HEADER",
    ]
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {names!r}}}))"
    )
    result = _run(["-c", "import django; django.setup(); " + script], variables, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_https_settings_follow_secure_cookies_and_the_environment(tmp_path: Path) -> None:
    assert _settings_under(PRODUCTION, tmp_path) == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_PROXY_SSL_HEADER": None,
    }
    overridden = {
        **PRODUCTION,
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "600",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
        "SECURE_HSTS_PRELOAD": "false",
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    }
    assert _settings_under(overridden, tmp_path) == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    }
    # Without HTTPS nothing is redirected and no browser is told to insist on it.
    plain = _settings_under({"DEBUG": "true"}, tmp_path)
    assert plain["SECURE_SSL_REDIRECT"] is False and plain["SECURE_HSTS_SECONDS"] == 0


@pytest.fixture
def https_site(settings: Any) -> None:
    """The HTTPS settings that SECURE_COOKIES=true gives, behind a proxy."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.mark.django_db
@pytest.mark.usefixtures("https_site")
def test_plain_http_is_redirected_but_the_health_check_answers(client: Client) -> None:
    redirect = client.get("/glossary/?x=1")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/glossary/?x=1"
    health = client.get("/-/health")
    assert health.status_code == 200 and health.content == b"ok"


@pytest.mark.django_db
@pytest.mark.usefixtures("https_site")
def test_https_through_the_proxy_gets_hsts(client: Client) -> None:
    response = client.get("/glossary/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
