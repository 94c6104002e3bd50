"""Step 7, the roadmap: actions, dates, evaluation moments."""
