"""One page per step of the meeting; see ``base.Page``."""
