"""The one place user text becomes HTML: everything shown in an HTML widget goes here."""

from __future__ import annotations

import html


def esc(text: object) -> str:
    """Escape text for HTML content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def text_html(text: str) -> str:
    """Escape text and keep its line breaks."""
    return esc(text).replace("\r\n", "\n").replace("\n", "<br>")


def tag(name: str, text: object, cls: str = "") -> str:
    """One element around escaped text: tag('p', 'Hi <b>') -> '<p>Hi &lt;b&gt;</p>'."""
    attr = f' class="{esc(cls)}"' if cls else ""
    return f"<{name}{attr}>{text_html(str(text))}</{name}>"


def download_link(label: str, file_name: str, data: bytes, mime: str) -> str:
    """A link that downloads `data` as a file, with no server round trip.

    The data travels base64-encoded inside the link, so nothing in it is read as HTML.
    """
    import base64

    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<a class="wb-download" download="{esc(file_name)}" '
        f'href="data:{esc(mime)};base64,{encoded}">{esc(label)}</a>'
    )
