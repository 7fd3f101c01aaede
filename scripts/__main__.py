"""`python -m scripts <command>`: the project's commands, one entry point (the Makefile calls it).

    python -m scripts check                    every page and data file (make check)
    python -m scripts lock [--update]          the source lock (make lock)
    python -m scripts import OFFICIAL [--apply --reference ...]   compare with / import the official text
    python -m scripts record [--typo]         number new commentary paragraphs, record the commentaries (make record)
    python -m scripts review                   what awaits an editor's review, page by page (make review)
    python -m scripts pdf [--lang --site --out]   dist/opinions.pdf and dist/opinions.zh.pdf (make pdf)
    python -m scripts serve [--dev-addr ...]   mkdocs serve, restarted when a script changes (make serve)
    python -m scripts compare [--base REV]     the same site as REV, byte for byte? (make compare)
    python -m scripts bench [--no-readme ...]  the README's figures (make bench)
    python -m scripts doctor [test|pdf|bench]  what this machine lacks, and the Debian packages (make test runs it)

`python -m scripts COMMAND --help` lists a command's options. Each command lives in
scripts/tools/ (scripts/bench/ for bench) as add_arguments(parser) and run(args).
"""
from __future__ import annotations

import argparse
import sys
from importlib import import_module

# command -> (module, one line for --help)
COMMANDS = {
    "check": (".tools.check", "validate every page and data file; exit 1 with file:line errors"),
    "lock": (".tools.lock", "check the source lock, or --update it from the pages"),
    "import": (".tools.import_official", "pair the official text with the edition by subject; --apply imports it"),
    "pinyin": (".tools.pinyin", "draft the pinyin of each glossary term that has none, for a person to check"),
    "record": (".tools.record", "number new commentary paragraphs and record what each commentary has published"),
    "review": (".tools.review", "list every paragraph and commentary note awaiting an editor's review, and why"),
    "pdf": (".tools.pdf", "write dist/opinions.pdf and dist/opinions.zh.pdf, the printed edition (WeasyPrint)"),
    "serve": (".tools.serve", "mkdocs serve with live reload, restarted when a script changes"),
    "compare": (".tools.compare", "build the working tree and a revision (--base) and compare the two sites"),
    "doctor": (".tools.doctor", "say what this machine lacks for make test (or venv, pdf, bench), and what to install"),
    "bench": (".bench.run", "build, page weight, search and Lighthouse figures against a plain Material site"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        if argv[:1] == [name]:  # only the command asked for is imported (pdf and bench need more)
            command = import_module(module, __package__ or "scripts")
            command.add_arguments(sub)
            sub.set_defaults(run=command.run)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
