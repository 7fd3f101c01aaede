"""`make bench` (`python -m scripts bench`, run.py): the edition's costs beside a plain Material site."""
