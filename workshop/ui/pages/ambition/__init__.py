"""Step 2, shared urgency and ambition: cards, the board, dots, the statement and goals."""
