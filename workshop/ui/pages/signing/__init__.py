"""Step 8, signing: readiness, the round on the whole, signatures."""
