"""Workshop: the facilitator's app for start meetings of regional collaborations."""

__version__ = "0.2.0"
