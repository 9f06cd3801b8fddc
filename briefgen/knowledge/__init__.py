"""Shared knowledge, one home each, read from editable data files in briefgen/data/.

Every layer may use this package; it imports nothing of briefgen but `errors`.

- countries.py   countries and international bodies: names, codes, display names,
                 matching in text (data/countries.yaml)
- dates.py       month and weekday names; stated dates resolved against a story's date
- issues.py      the issues analysts track, their stance labels and terms (data/issues.yaml)
- stance_cues.py words and phrases that lean a statement one way (data/stance_cues.yaml)

See docs/architecture.md for where each kind of knowledge lives and how to extend it.
"""
