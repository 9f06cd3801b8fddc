"""The book stage: from the analysed records to the Brief a reader sees.

assemble.py puts it together in reading order; the other modules choose one part each
(bottom line and summaries, key quotes, open questions, timeline, trend markers, the
chart's figures).  Pure Python over the records: no models, no files.
"""
