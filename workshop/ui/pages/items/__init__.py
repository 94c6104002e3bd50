"""Steps 4 and 5, leading principles and rules of play: items, templates, consent."""
