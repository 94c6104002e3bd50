"""The consent round: one widget for principles, rules, the ambition and the agreement."""
