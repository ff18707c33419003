"""Pages as files: HTML templates in templates/ (Jinja2, autoescaped) and the CSS and
JavaScript in static/ that a page inlines, so each page stays one self-contained file that
opens with no server and no network."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from baocao.outputs.format import vn_amount, vn_number

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")


@cache
def static(name: str) -> Markup:
    """A file of static/ as it is, for a page to inline (its styles, its script)."""
    return Markup((STATIC / name).read_text(encoding="utf-8"))


def _json(value: object) -> str:
    """A value as JSON for an HTML attribute (escaped there like any text), keys in order."""
    return json.dumps(value, ensure_ascii=False)


@cache
def environment() -> jinja2.Environment:
    """The templates' environment: every value escaped, None shown as nothing (as the pages
    always showed it), an unknown name an error rather than an empty string."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
        lstrip_blocks=True, undefined=jinja2.StrictUndefined, auto_reload=False,
        finalize=lambda value: "" if value is None else value)
    env.globals["static"] = static
    env.filters.update(vn_number=vn_number, vn_amount=vn_amount, json=_json)
    # tojson in a page's script: keys in their order, Vietnamese as it is
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False}
    return env


def render(template: str, **values: object) -> str:
    """A template of templates/ filled in."""
    return environment().get_template(template).render(**values)


def macro(template: str, name: str) -> jinja2.runtime.Macro:
    """One macro of a template, to render a small piece (a Datasette cell) from Python."""
    return getattr(environment().get_template(template).module, name)
