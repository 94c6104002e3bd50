"""Turns pydantic's errors into messages a facilitator can act on, naming the field.

The messages are ``Message`` objects (an id and its fields): the model does not know
who reads them, so the reader (the app, the command line) says them in its language.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from workshop.i18n import N_, Message

_MESSAGES = {
    "missing": N_("is missing"),
    "extra_forbidden": N_("is not a known field"),
    "string_type": N_("must be text"),
    "string_too_long": N_("is too long"),
    "string_too_short": N_("must not be empty"),
    "string_pattern_mismatch": N_("must not be empty or contain forbidden characters"),
    "int_parsing": N_("must be a whole number"),
    "int_type": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "float_parsing": N_("must be a number"),
    "float_type": N_("must be a number"),
    "finite_number": N_("must be a finite number"),
    "string_unicode": N_("must be valid text (it holds broken characters)"),
    "bool_parsing": N_("must be true or false"),
    "bool_type": N_("must be true or false"),
    "date_from_datetime_parsing": N_("must be a date (YYYY-MM-DD)"),
    "date_parsing": N_("must be a date (YYYY-MM-DD)"),
    "date_type": N_("must be a date (YYYY-MM-DD)"),
    "datetime_parsing": N_("must be a date and time (YYYY-MM-DDTHH:MM:SS)"),
    "datetime_from_date_parsing": N_("must be a date and time (YYYY-MM-DDTHH:MM:SS)"),
    "datetime_type": N_("must be a date and time (YYYY-MM-DDTHH:MM:SS)"),
    "enum": N_("must be one of: {expected}"),
    "literal_error": N_("must be one of: {expected}"),
    "list_type": N_("must be a list"),
    "tuple_type": N_("must be a list"),
    "model_type": N_("must be an object"),
    "dict_type": N_("must be an object"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
    "too_short": N_("must have at least {min_length} entries"),
    "too_long": N_("must have at most {max_length} entries"),
}


class RuleProblems(ValueError):
    """The session's own rules that are broken (``reference_problems``), as messages.

    Raised in a pydantic validator: pydantic keeps the exception in the error's context,
    so ``problems_from`` finds the messages again, untranslated.
    """

    def __init__(self, problems: list[Message]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(problem.text("en") for problem in self.problems))


def field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _message(error: Any) -> list[Message]:
    kind = error.get("type", "")
    path = field_path(tuple(error.get("loc", ())))
    if kind == "value_error":
        raised = (error.get("ctx") or {}).get("error")
        if isinstance(raised, RuleProblems):  # our own cross-reference checks
            lines = raised.problems
        else:  # a value refused by a validator, in its own (English) words
            text = str(raised if raised is not None else error.get("msg", ""))
            lines = [Message(line) for line in text.splitlines() if line.strip()]
        return [Message(N_("{field}: {detail}"), field=path, detail=line) if path else line
                for line in lines]
    template = _MESSAGES.get(kind)
    if template is None:
        detail = Message(str(error.get("msg", kind)))
    else:
        ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
        try:
            template.format(**ctx)
            detail = Message(template, **ctx)
        except (KeyError, IndexError):
            detail = Message(template)
    return [Message(N_("{field}: {detail}"), field=path or Message("the session"),
                    detail=detail)]


def problems_from(error: ValidationError, limit: int = 50) -> list[Message]:
    """Readable problems, at most ``limit`` (a broken file can have thousands), as
    messages the reader says in its language (``Message.text(lang)``)."""
    out: list[Message] = []
    for item in error.errors(include_url=False):
        out.extend(_message(item))
    if len(out) > limit:
        rest = len(out) - limit
        out = out[:limit] + [Message("… and {count} more problems", count=rest)]
    return out
