"""Step 3, interests per type: the matrix, the interests of a cell and their links."""
