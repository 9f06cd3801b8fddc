"""Shared knowledge, one home each, read from editable data files in briefgen/data/.

Every layer may use this package; it imports nothing of briefgen but `errors`.

- countries.py   countries and international bodies: names, codes, display names,
                 matching in text (data/countries.yaml)
- dates.py       month and weekday names; stated dates resolved against a story's date

See docs/architecture.md for where each kind of knowledge lives and how to extend it.
"""
