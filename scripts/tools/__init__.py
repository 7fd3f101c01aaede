"""The commands of `python -m scripts` (scripts/__main__.py): check, lock, import, pdf, serve, compare.

Each module offers add_arguments(parser) and run(args) -> exit status.
"""
