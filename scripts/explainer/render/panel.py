"""The panel `mkdocs serve` shows at the top of every page while the files hold errors: each located problem,
above the last good content. Never in a built site: a build with errors stops."""

from __future__ import annotations

from markupsafe import Markup

from ..problems import Problem


def error_panel(problems: list[Problem]) -> str:
    items = Markup("").join(Markup("<li><code>{}</code></li>").format(str(p)) for p in problems)
    n = len(problems)
    return str(
        Markup(
            '<div class="x-build-errors admonition failure" role="alert" data-search-exclude>'
            '<p class="admonition-title">{}</p><ul>{}</ul><p>{}</p></div>\n'
        ).format(
            f"Your last edit was not applied: {n} problem{'s' * (n != 1)} in the files",
            items,
            "This page shows the last good version. Fix the files above and save: the page updates by itself.",
        )
    )
