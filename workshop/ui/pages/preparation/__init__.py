"""Step 1, preparation: the session's facts, the participants, the parties."""
