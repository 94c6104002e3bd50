"""The room on the Qt side: the bridge that turns phones' messages into edits on the UI
thread (``bridge.py``), the facilitator's panel (``panel.py``)."""
