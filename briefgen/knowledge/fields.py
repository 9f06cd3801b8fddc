"""The field names article exports use, per role (title, text, date, outlet, url, byline).

The JSON/JSONL and front-matter readers look fields up by these names, most specific
first; `[corpus] field_map` adds a user's own name for a role (the keys it may use are
the roles and the aliases below).
"""

from __future__ import annotations

# Usual field names, most specific first.
FIELDS: dict[str, list[str]] = {
    "title": ["title", "headline", "hed", "post_title", "heading", "name", "original_title"],
    "text": [
        "text", "content", "body", "story_text", "content_original", "article", "article_text",
        "full_text", "fulltext", "maintext", "main_text", "content_text", "body_text",
        "story", "html", "content_html", "body_html", "description", "summary",
    ],
    "date": [
        "published_at", "published", "date_published", "datePublished", "publish_date",
        "publishedAt", "pubDate", "pub_date", "date_publish", "publication_date", "date",
        "date_str", "post_date", "created_at", "timestamp", "time", "datetime", "updated_at",
    ],
    "outlet": [
        "outlet", "publisher", "source", "source_name", "site_name", "sitename", "site",
        "media", "newspaper", "publication", "agency", "feed",
    ],
    "url": ["url", "link", "href", "canonical_url", "canonical", "original_link", "permalink", "uri"],
    "byline": ["byline", "authors", "author", "creator", "writer", "by"],
}  # fmt: skip
# Other words a field_map may use for a role.
ALIASES = {"source": "outlet", "publisher": "outlet", "author": "byline", "authors": "byline",
           "published": "date", "body": "text", "content": "text", "headline": "title", "link": "url"}  # fmt: skip


def field_role(key: str) -> str | None:
    """The role a field_map key names ("headline" -> "title"), None when it names none."""
    role = ALIASES.get(key, key)
    return role if role in FIELDS else None
