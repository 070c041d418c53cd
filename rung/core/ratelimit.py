"""Rate limits kept in one store that every worker shares: Redis when configured, else the database.

A limit counts attempts at one action by one key (a member, an address, an account name)
in a fixed window: `hit` counts an attempt and says whether it is within the limit, `peek`
says whether the key is already over it without counting. Keeping the counts out of
process memory is the point: with several web workers, or after a restart, a limit of
five attempts is still five.
"""

import hashlib
import ipaddress
import random
import re
import time
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest

from rung.core.models import RateCounter

_RATE = re.compile(r"(?P<amount>\d{1,9})/(?P<number>\d{0,9})(?P<unit>[smhd])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# One hit in this many also deletes the database's expired counters.
_PRUNE_ONE_IN = 200


@dataclass(frozen=True)
class Rate:
    """At most `amount` attempts per `seconds`."""

    amount: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """Read a rate such as "5/15m" (five per fifteen minutes), "20/h" or "100/d"."""
        match = _RATE.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not a rate: {text!r} (expected e.g. 5/15m)")
        seconds = int(match["number"] or 1) * _UNIT_SECONDS[match["unit"]]
        return cls(int(match["amount"]), seconds)


class Limited(Exception):
    """A write refused by a limit: `message` says why, `retry_after` in how many seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True)
class Verdict:
    """Whether an attempt may go ahead, and if not, in how many seconds it may."""

    allowed: bool
    retry_after: int = 0


class _Store(Protocol):
    def incr(self, key: str, seconds: int) -> tuple[int, int]: ...
    def get(self, key: str) -> tuple[int, int]: ...
    def delete(self, key: str) -> None: ...


class _DatabaseStore:
    """Counters as rows, each bumped by one upsert (SQLite 3.35+ and PostgreSQL)."""

    def incr(self, key: str, seconds: int) -> tuple[int, int]:
        now = _now_ms()
        table = RateCounter._meta.db_table
        sql = (
            f"INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, %s) "
            f"ON CONFLICT (key) DO UPDATE SET "
            f"count = CASE WHEN {table}.expires_at <= %s THEN 1 ELSE {table}.count + 1 END, "
            f"expires_at = CASE WHEN {table}.expires_at <= %s THEN excluded.expires_at "
            f"ELSE {table}.expires_at END "
            f"RETURNING count, expires_at"
        )
        # Its own transaction (a savepoint inside another): a counted attempt stays counted.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [key, now + seconds * 1000, now, now])
            count, expires_at = cursor.fetchone()
            if random.randrange(_PRUNE_ONE_IN) == 0:
                RateCounter.objects.filter(expires_at__lt=now).delete()
        return int(count), max(0, int(expires_at) - now)

    def get(self, key: str) -> tuple[int, int]:
        now = _now_ms()
        row = RateCounter.objects.filter(key=key, expires_at__gt=now).first()
        return (row.count, row.expires_at - now) if row else (0, 0)

    def delete(self, key: str) -> None:
        RateCounter.objects.filter(key=key).delete()


# INCR and the first PEXPIRE run as one script, so a counter never lives without its window.
_REDIS_INCR = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
"""


class _RedisStore:
    def __init__(self, url: str) -> None:
        import redis

        self.client: Any = redis.Redis.from_url(url, socket_timeout=2)
        self.script = self.client.register_script(_REDIS_INCR)

    def incr(self, key: str, seconds: int) -> tuple[int, int]:
        count, ttl_ms = self.script(keys=[key], args=[seconds * 1000])
        return int(count), max(0, int(ttl_ms))

    def get(self, key: str) -> tuple[int, int]:
        with self.client.pipeline() as pipe:
            value, ttl_ms = pipe.get(key).pttl(key).execute()
        return (int(value), max(0, int(ttl_ms))) if value is not None else (0, 0)

    def delete(self, key: str) -> None:
        self.client.delete(key)


@cache
def _redis_store(url: str) -> _RedisStore:
    return _RedisStore(url)


def _store() -> _Store:
    url = getattr(settings, "REDIS_URL", "")
    return _redis_store(url) if url else _DatabaseStore()


def _now_ms() -> int:
    return int(time.time() * 1000)


def _key(scope: str, key: str) -> str:
    digest = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()[:40]
    return f"rl:{scope[:30]}:{digest}"


def _seconds(milliseconds: int) -> int:
    return max(1, -(-milliseconds // 1000))


def hit(scope: str, key: str, rate: Rate) -> Verdict:
    """Count an attempt at `scope` by `key`; say whether it is within `rate`."""
    count, left_ms = _store().incr(_key(scope, key), rate.seconds)
    if count <= rate.amount:
        return Verdict(True)
    return Verdict(False, _seconds(left_ms))


def peek(scope: str, key: str, rate: Rate) -> Verdict:
    """Say whether `key` has used up `rate` at `scope`, without counting an attempt."""
    count, left_ms = _store().get(_key(scope, key))
    if count < rate.amount:
        return Verdict(True)
    return Verdict(False, _seconds(left_ms))


def reset(scope: str, key: str) -> None:
    """Forget the attempts counted for `key` at `scope`."""
    _store().delete(_key(scope, key))


def client_address(request: HttpRequest) -> str:
    """Return the address limits count a request under: IPv6 by its /64, as one household."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)
