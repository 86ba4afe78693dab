"""The alert channels: digest files, a signed webhook, an e-mail over SMTP.

Each sender takes the items to send and the settings, and either sends all of them or
raises :class:`~warta.errors.AlertError` with a message naming the channel and the cause
(the check records the failure and tries again next time).

- **digest**: ``warta-digest-<time>.md`` and ``.jsonl`` in ``alert_digest_dir`` (each written
  to a temporary name, then renamed: a reader never sees half a file);
- **webhook**: a JSON POST to ``alert_webhook_url`` with ``X-Warta-Signature: sha256=<hex>``,
  the HMAC-SHA256 of the body under ``alert_webhook_secret``, and ``X-Warta-Delivery`` (the same
  for the same items, so a receiver can drop a repeat). No answer, 408, 429 and 5xx are tried
  again ``alert_webhook_retries`` times within the call, waiting ``alert_webhook_backoff``
  seconds, doubled each time (at most 60 s); another 4xx is not (the receiver refuses it);
- **email**: one mail (plain text, the Markdown digest) to ``alert_mail_to`` from
  ``alert_mail_from`` through ``alert_smtp_host``, with STARTTLS, implicit TLS or neither
  (``alert_smtp_security``) and a login when ``alert_smtp_username`` is set.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

import httpx

from warta.config import Settings
from warta.errors import AlertError
from warta.storage.watchlists import Channel, FoundItem

from .render import digest_markdown, jsonl_lines, summary_line, webhook_body

__all__ = [
    "SIGNATURE_HEADER",
    "active_channels",
    "check_channels",
    "delivery_id",
    "send_email",
    "send_webhook",
    "sign",
    "write_digest",
]

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Warta-Signature"
DELIVERY_HEADER = "X-Warta-Delivery"
# The longest wait between two tries of a webhook.
_MAX_BACKOFF = 60.0
# Statuses worth another try: the receiver is busy or broken for now.
_RETRY_STATUS = frozenset({408, 425, 429})


def active_channels(settings: Settings) -> list[Channel]:
    """The channels the settings turn on, in the order they are sent."""
    out: list[Channel] = []
    if settings.alert_digest_dir:
        out.append("digest")
    if settings.alert_webhook_url:
        out.append("webhook")
    if settings.alert_smtp_host:
        out.append("email")
    return out


def check_channels(settings: Settings) -> None:
    """Refuse settings that turn a channel on without what it needs.

    Raises:
        AlertError: a webhook without a secret or with a URL that is not http(s), a mail
            server without sender or recipients, a digest folder that is a file (W402).
    """
    if settings.alert_webhook_url:
        if not settings.alert_webhook_url.startswith(("http://", "https://")):
            raise AlertError(f"alert_webhook_url {settings.alert_webhook_url!r} is not an http(s) URL")
        if not settings.alert_webhook_secret:
            raise AlertError(
                "alert_webhook_url is set but alert_webhook_secret is empty; set WARTA_ALERT_WEBHOOK_SECRET"
            )
    if settings.alert_smtp_host:
        if not settings.alert_mail_from:
            raise AlertError("alert_smtp_host is set but alert_mail_from (the sender) is empty")
        if not settings.alert_mail_to:
            raise AlertError("alert_smtp_host is set but alert_mail_to (the recipients) is empty")
    if settings.alert_digest_dir and Path(settings.alert_digest_dir).is_file():
        raise AlertError(f"alert_digest_dir {settings.alert_digest_dir!r} is a file, not a folder")


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


# -- digest files -----------------------------------------------------------------------------


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


# A digest written but not yet recorded as sent: ``.<name>.<batch>.pending`` in the folder.
_PENDING = re.compile(r"^\.(?P<name>warta-digest-[0-9T-]+\.(?:md|jsonl))\.(?P<batch>[0-9a-f]+-\d+)\.pending$")


def write_digest(
    items: Sequence[FoundItem], settings: Settings, *, now: datetime, batch: str | None = None
) -> list[Path]:
    """Write the Markdown and JSON Lines digests of ``items``; returns their paths.

    With ``batch``, the files are written under hidden pending names (``.<name>.<batch>.pending``)
    and appear only when :func:`publish_digests` renames them, after the delivery was recorded:
    a check killed in between leaves pending files, which :func:`recover_digests` publishes if
    the store says the batch was sent and deletes if not (its items are then sent again). So
    an item is in exactly one digest, whatever moment a crash picks.

    Raises:
        AlertError: the folder cannot be made or written (W402).
    """
    folder = Path(settings.alert_digest_dir)
    stem = "warta-digest-" + now.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    md, jl = folder / f"{stem}.md", folder / f"{stem}.jsonl"
    n = 1
    while md.exists() or jl.exists():  # two checks in one second: never overwrite a digest
        n += 1
        md, jl = folder / f"{stem}-{n}.md", folder / f"{stem}-{n}.jsonl"
    if batch is not None:
        md, jl = (p.with_name(f".{p.name}.{batch}.pending") for p in (md, jl))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(md, digest_markdown(items, settings.alert_base_url, when=_stamp(now)))
        _write_atomic(jl, jsonl_lines(items, settings.alert_base_url))
    except OSError as exc:
        raise AlertError(f"digest: cannot write into {folder}: {exc.strerror or exc}") from exc
    return [md, jl]


def publish_digests(paths: Sequence[Path]) -> list[Path]:
    """Give pending digest files (:func:`write_digest` with a batch) their names; returns them."""
    out = []
    for path in paths:
        m = _PENDING.match(path.name)
        if m is None:
            out.append(path)
            continue
        final = path.with_name(m["name"])
        try:
            path.replace(final)
        except FileNotFoundError:
            logger.error("digest: %s is gone before it was published", path)
            continue
        out.append(final)
    return out


def recover_digests(
    settings: Settings, sent: Callable[[str], bool], *, now: float | None = None
) -> list[Path]:
    """Pending digest files a killed check left: published when ``sent(batch)`` (the store
    recorded the batch), else deleted (their items are still pending, and sent again once
    their claim lapses). Only files older than ``alert_claim_timeout`` are touched: a younger
    one may be a running check's. Returns those published."""
    folder = Path(settings.alert_digest_dir)
    if not folder.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - settings.alert_claim_timeout
    published: list[Path] = []
    for path in sorted(folder.iterdir()):
        m = _PENDING.match(path.name)
        if m is None:
            continue
        try:
            if path.stat().st_mtime > cutoff:
                continue
        except FileNotFoundError:
            continue
        if sent(m["batch"]):
            published += publish_digests([path])
        else:
            path.unlink(missing_ok=True)
    return published


# -- webhook ----------------------------------------------------------------------------------


def sign(body: bytes, secret: str) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the body.

    Example:
        >>> sign(b"{}", "rahasia")[:15]
        'sha256=f1c8a760'
    """
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def delivery_id(channel: str, items: Sequence[FoundItem]) -> str:
    """A stable id of one delivery: the same items on the same channel give the same id."""
    ids = ",".join(str(i.id) for i in sorted(items, key=lambda i: i.id))
    return hashlib.sha256(f"{channel}:{ids}".encode()).hexdigest()[:32]


def send_webhook(
    items: Sequence[FoundItem],
    settings: Settings,
    *,
    now: datetime,
    sleep: Callable[[float], None] = time.sleep,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """POST the items to the webhook, trying again on failure; returns the tries it took.

    Raises:
        AlertError: every try failed, or the receiver refused the delivery (W402).
    """
    url = settings.alert_webhook_url
    delivery = delivery_id("webhook", items)
    payload = webhook_body(items, settings.alert_base_url, delivery=delivery, sent_at=_stamp(now))
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "warta-alerts",
        SIGNATURE_HEADER: sign(body, settings.alert_webhook_secret),
        DELIVERY_HEADER: delivery,
    }
    tries = settings.alert_webhook_retries + 1
    wait = settings.alert_webhook_backoff
    problem = ""
    with httpx.Client(timeout=settings.alert_webhook_timeout, transport=transport) as client:
        for attempt in range(1, tries + 1):
            try:
                response = client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if response.is_success:
                    return attempt
                problem = f"HTTP {response.status_code}"
                if response.status_code < 500 and response.status_code not in _RETRY_STATUS:
                    raise AlertError(f"webhook {url}: the receiver refused the delivery ({problem})")
            logger.warning("webhook %s: try %d of %d failed (%s)", url, attempt, tries, problem)
            if attempt < tries:
                sleep(min(wait, _MAX_BACKOFF))
                wait *= 2
    raise AlertError(f"webhook {url}: {tries} tries failed, the last with {problem}")


# -- e-mail -----------------------------------------------------------------------------------


def _message(items: Sequence[FoundItem], settings: Settings, now: datetime) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"warta: {summary_line(items)}"
    msg["From"] = settings.alert_mail_from
    msg["To"] = ", ".join(settings.alert_mail_to)
    msg["Date"] = formatdate(now.timestamp(), localtime=False)
    msg["Message-ID"] = make_msgid(idstring=delivery_id("email", items)[:16], domain="warta.local")
    msg.set_content(digest_markdown(items, settings.alert_base_url, when=_stamp(now)))
    return msg


def send_email(items: Sequence[FoundItem], settings: Settings, *, now: datetime) -> None:
    """Send one digest mail of ``items``.

    Raises:
        AlertError: the server cannot be reached, refuses the login, the sender or every
            recipient (W402).
    """
    host, port = settings.alert_smtp_host, settings.alert_smtp_port
    where = f"SMTP {host}:{port}"
    msg = _message(items, settings, now)
    timeout = settings.alert_smtp_timeout
    try:
        smtp: smtplib.SMTP
        if settings.alert_smtp_security == "ssl":
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            if settings.alert_smtp_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.alert_smtp_username:
                smtp.login(settings.alert_smtp_username, settings.alert_smtp_password)
            refused = smtp.send_message(msg)
    except smtplib.SMTPAuthenticationError as exc:
        raise AlertError(
            f"{where}: the login of {settings.alert_smtp_username!r} was refused ({exc.smtp_code})"
        ) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise AlertError(f"{where}: the server does not offer STARTTLS; set alert_smtp_security") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise AlertError(f"{where}: {type(exc).__name__}: {exc}") from exc
    if refused:
        # Some recipients got it: sending again would repeat it for them; say who did not.
        logger.warning("%s: refused recipients %s", where, ", ".join(sorted(refused)))
