"""A briefing's content rendered: the slide deck (HTML, also the PDF's source) and Markdown."""

from __future__ import annotations

import re
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from mshub.briefings.content import deck
from mshub.core.validators import is_web_url
from mshub.meetings.reports.render import md_escape, md_url


def deck_context(content: dict[str, Any]) -> dict[str, Any]:
    slides = deck(content)
    for entry in (e for s in slides["sections"] for e in s["entries"]):
        entry["source_url"] = entry["source_url"] if is_web_url(entry["source_url"]) else ""
    for row in slides["consultations"] + slides["events"]:
        row["url"] = row["url"] if is_web_url(row["url"]) else ""
    return {"deck": slides, "language": slides["language"]}


def render_html(content: dict[str, Any]) -> str:
    """A standalone document: the slides with their styles inline (one slide a 16:9 page in print)."""
    context = deck_context(content)
    with translation.override(context["language"]):
        return render_to_string("briefings/deck_document.html", context)


def render_markdown(content: dict[str, Any]) -> str:
    context = deck_context(content)
    slides = context["deck"]
    with translation.override(context["language"]):
        from django.utils.translation import gettext as _

        lines = [f"# {md_escape(' / '.join(slides['title']) or slides['forum'])}", ""]
        lines += [f"{slides['period']['start']} – {slides['period']['end']}", ""]
        lines += [md_escape(text, inline=False) + "\n" for text in slides["intro"]]
        for section in slides["sections"]:
            lines += [f"## {md_escape(' / '.join(section['heading']))}", ""]
            lines += [md_escape(text, inline=False) + "\n" for text in section["note"]]
            for entry in section["entries"]:
                head = f"- **{md_escape(entry['title'])}**"
                if entry["date"]:
                    head += f" ({entry['date']})"
                lines.append(head)
                lines += [f"  {md_escape(text)}" for text in entry["text"]]
                source = " ".join(p for p in (md_escape(entry["source_name"]), md_url(entry["source_url"])) if p)
                if source:
                    lines.append(f"  {source}")
            lines.append("")
        if slides["consultations"]:
            lines += [f"## {_('Open consultations')}", ""]
            for c in slides["consultations"]:
                title = md_escape(" / ".join(c["title"]))
                body = f"{md_escape(c['body'])}: " if c["body"] else ""
                lines.append(f"- {body}{title} ({_('deadline')} {c['closes']}) {md_url(c['url'])}".rstrip())
            lines.append("")
        if slides["events"]:
            lines += [f"## {_('Coming events')}", ""]
            for e in slides["events"]:
                days = e["first_day"] + (
                    f" – {e['last_day']}" if e["last_day"] and e["last_day"] != e["first_day"] else ""
                )
                place = f", {md_escape(e['place'])}" if e["place"] else ""
                lines.append(f"- {md_escape(' / '.join(e['name']))} ({days}{place}) {md_url(e['url'])}".rstrip())
            lines.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
