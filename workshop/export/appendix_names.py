"""The agreement's appendices by name: light enough for the command line's parser."""

from __future__ import annotations

from workshop.i18n import N_

APPENDICES: tuple[str, ...] = ("participants", "interests", "consent", "roadmap", "scorecard",
                              "diagnostics", "sources")
"""The appendices in their printed order; each is chosen in the export dialog or with
``--appendix`` / ``--without-appendix`` on the command line."""

DEFAULT_APPENDICES: frozenset[str] = frozenset({"participants", "interests", "consent",
                                                "roadmap"})

APPENDIX_TITLES: dict[str, str] = {
    "participants": N_("Participants in the start meeting"),
    "interests": N_("Interests by type"),
    "consent": N_("Consent record"),
    "roadmap": N_("Roadmap"),
    "scorecard": N_("Agreement scorecard"),
    "diagnostics": N_("Diagnostics"),
    "sources": N_("Sources of the templates used"),
}

__all__ = ["APPENDICES", "APPENDIX_TITLES", "DEFAULT_APPENDICES"]
