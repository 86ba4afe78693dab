"""warta's web app: a versioned REST API and a server-rendered dashboard over the store.

Build it with :func:`warta.web.app.create_app`; ``warta serve`` runs it with uvicorn.
Importing this package imports FastAPI but opens no store and loads no model.
"""

from __future__ import annotations
