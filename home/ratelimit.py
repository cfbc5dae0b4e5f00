"""Rate limits for what anonymous visitors can make the site do: send feedback, ask for a
password reset e-mail.

A limit is "at most N in M minutes" (settings.RATE_LIMITS, one entry per kind of action).
Counts live in the cache named by settings.RATE_LIMIT_CACHE: Redis when the installation
has it, else a file cache in DATA_DIR, so every worker and (with Redis) every server counts
together. Each count covers a fixed window of M minutes; `incr` is atomic on Redis, and
close enough on the file cache (a race lets a request or two more through, never fewer).

Counters are keyed by a keyed hash of what they count (an address, an e-mail address), so
the cache holds no address in clear. The client address is the one django-axes uses
(`client_ip` below, which honours TRUSTED_PROXY_COUNT).

Written here rather than taken from django-ratelimit: its last release predates Django 5.2
and it refuses the file cache this project uses without Redis.
"""

import math
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.crypto import salted_hmac

PREFIX = "ratelimit"


def client_ip(request):
    """The address of the person making the request, for login rate limiting.

    Behind TRUSTED_PROXY_COUNT proxies, each appends the address it received the request
    from to X-Forwarded-For, so the client is that many entries from the end; anything
    before that was written by the client and cannot be trusted. Without proxies (0), the
    socket's address.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class Verdict:
    """The answer for one attempt: allowed, or refused until `retry_at`."""

    allowed: bool
    limit: int
    minutes: int
    retry_at: datetime | None = None

    @property
    def retry_text(self):
        """When to try again, as a person would say it: "after 14:35" (local time)."""
        if self.retry_at is None:
            return ""
        local = timezone.localtime(self.retry_at)
        when = f"{local:%H:%M}"
        if local.date() != timezone.localtime().date():
            when += f" on {local:%A} {local.day} {local:%B}"
        return f"after {when}"

    @property
    def period_text(self):
        if self.minutes % 60 == 0:
            hours = self.minutes // 60
            return "an hour" if hours == 1 else f"{hours} hours"
        return "a minute" if self.minutes == 1 else f"{self.minutes} minutes"

    @property
    def retry_after_seconds(self):
        if self.retry_at is None:
            return 0
        return max(1, math.ceil((self.retry_at - timezone.now()).total_seconds()))


def limit_for(name):
    """(count, minutes) for a kind of action, from settings.RATE_LIMITS."""
    count, minutes = settings.RATE_LIMITS[name]
    return int(count), int(minutes)


def client_key(request):
    return f"address:{client_ip(request)}"


def hit(name, key):
    """Count one attempt of kind `name` by `key`; the verdict says whether it may go ahead.

    Call it only for an attempt that would make a change (store a message, send an
    e-mail): a refused attempt must then make none.
    """
    count, minutes = limit_for(name)
    if count <= 0:  # 0 turns the limit off
        return Verdict(True, count, minutes)
    window = minutes * 60
    now = time.time()
    start = int(now // window) * window
    digest = salted_hmac(PREFIX, f"{name}:{key}").hexdigest()[:32]
    cache_key = f"{PREFIX}:{name}:{digest}:{start}"
    cache = caches[settings.RATE_LIMIT_CACHE]
    # add() then incr(): incr alone fails on a missing key, and add() never resets a count.
    cache.add(cache_key, 0, window + 60)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # evicted between the two calls: count this one afresh
        cache.set(cache_key, 1, window + 60)
        used = 1
    if used <= count:
        return Verdict(True, count, minutes)
    retry_at = datetime.fromtimestamp(start + window, tz=timezone.get_current_timezone())
    return Verdict(False, count, minutes, retry_at=retry_at)


def first_refusal(checks):
    """Count an attempt against several limits ((name, key) pairs); the first refusal,
    or an allowing verdict. Every limit is counted, so that one cannot be dodged by
    spreading attempts over the other."""
    refused = None
    verdict = None
    for name, key in checks:
        verdict = hit(name, key)
        if not verdict.allowed and refused is None:
            refused = verdict
    return refused or verdict
