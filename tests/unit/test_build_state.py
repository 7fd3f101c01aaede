"""EditionBuild keeps what a build knows for one build only, and both interfaces share it."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from helpers import edit
from scripts.build import EditionBuild

pytestmark = pytest.mark.unit


def config(building: bool, lang: str = "en") -> SimpleNamespace:
    i18n = SimpleNamespace(building=building, current_language=lang)
    return SimpleNamespace(plugins={"i18n": i18n}, theme={"language": "en"}, nav=None,
                           repo_url="https://github.com/example/edition", edit_uri="edit/main/docs/")


def test_each_build_starts_afresh_and_the_second_interface_shares_the_first_ones_state(content) -> None:
    build = EditionBuild(content)
    build.on_config(config(building=False))
    first = build.state
    build.on_config(config(building=True, lang="zh"))  # static-i18n's nested build of the Chinese interface
    assert build.state is first
    assert next(iter(build.on_config(config(building=True, lang="zh")).nav[0])) == "首页"
    build.on_config(config(building=False))  # the next build (e.g. a rebuild under mkdocs serve)
    assert build.state is not first and build.state.edition is not first.edition


def test_broken_content_stops_a_build_but_not_a_serve_session(content) -> None:
    build = EditionBuild(content)
    build.on_config(config(building=False))
    good = build.state.edition
    edit(content / "docs/measures/08.md", "/// para | m08-1", "/// para | m8-1")
    with pytest.raises(PluginError, match="malformed paragraph id 'm8-1'"):
        build.on_config(config(building=False))
    build.on_startup("serve")
    build.on_config(config(building=False))
    assert build.state.edition is good and "malformed paragraph id 'm8-1'" in build.state.errors
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    finished = build.on_post_page('<html><head></head><body><p>x</p></body></html>', page, config(building=False))
    assert "data-oe-serve-errors" in finished
