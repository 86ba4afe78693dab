"""Constants shared by the web tests (imported by name: a module called ``conftest`` could
clash with another test folder's)."""

from __future__ import annotations

# The payloads the fixture corpus's hostile article carries.
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"
