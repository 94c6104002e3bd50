"""Step 6, organising and deciding: the arrangement, roles, contributions, clauses."""
