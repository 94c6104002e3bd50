"""The evaluation meeting in the workspace: made from a signed session (File → New
evaluation meeting), with its own steps above the usual ones: look back, measure
again, and what changed."""
