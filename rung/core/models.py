"""Rows the core keeps for every app: counters behind the rate limits."""

from django.db import models


class RateCounter(models.Model):
    """Attempts counted in one window for one limited action and key (see core/ratelimit.py).

    Used when no Redis is configured, so every worker process and every restart sees the
    same counts. The key is a hash; the window ends at `expires_at`, in milliseconds since
    the epoch so SQLite and PostgreSQL compare it the same way.
    """

    key = models.CharField(max_length=80, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}={self.count}"
