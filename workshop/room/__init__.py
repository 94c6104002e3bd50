"""The room: participants' phones join the meeting over the local network.

No Qt here (``tests/test_architecture.py``). The server (``server.py``) runs aiohttp in
a thread of its own; every message from a phone is validated into a pydantic model
(``protocol.py``), checked against the open activity (``plan.py``, a pure function of
the session) and handed to the UI thread, which alone edits the session
(``workshop.ui.room``). What a phone may see is computed on the UI thread too
(``views.py``) and handed to the server as plain data.
"""
