"""What MkDocs renders, per interface: f(edition, lang) -> Markdown or HTML.

Every interface string is in i18n.py. Nothing here reads files other than its own
search_worker.js, and nothing here knows MkDocs' objects: scripts/build.py does.
"""
