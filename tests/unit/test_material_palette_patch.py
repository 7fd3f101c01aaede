"""The palette patch of Material's bundle (scripts/postprocess/material_patch.py): the palette
sets only the <body> colour attributes that change, and flags a switch only then."""
import pytest

from scripts.postprocess.material_patch import PatchError, quiet_palette_start

pytestmark = pytest.mark.unit

# Shaped like Material 9.8's minified palette handler (synthetic: names as the minifier left them).
HANDLER = ('return i.subscribe(s=>{if(document.body.setAttribute("data-md-color-switching",""),'
           's.color.media==="(prefers-color-scheme)"){s.color.scheme="slate"}'
           'for(let[a,c]of Object.entries(s.color))document.body.setAttribute(`data-md-color-${a}`,c);'
           '__md_set("__palette",s)})')


def test_an_attribute_is_set_and_a_switch_flagged_only_when_a_colour_changes() -> None:
    patched = quiet_palette_start(HANDLER)
    assert 'if(s.color.media==="(prefers-color-scheme)")' in patched, "no flag before anything changed"
    assert ('for(let[a,c]of Object.entries(s.color))document.body.getAttribute(`data-md-color-${a}`)!==c&&('
            'a!=="media"&&document.body.setAttribute("data-md-color-switching",""),'
            'document.body.setAttribute(`data-md-color-${a}`,c));') in patched
    assert patched.count("data-md-color-switching") == 1


def test_a_bundle_without_the_handler_stops_the_build() -> None:
    with pytest.raises(PatchError, match="palette"):
        quiet_palette_start("a();b();")
    with pytest.raises(PatchError):
        quiet_palette_start(HANDLER.replace("for(let[a,c]", "for(const[a,c]"))
