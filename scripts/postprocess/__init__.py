"""Rewriting what MkDocs and Material produce, after rendering: HTML, assets, the theme's bundle.

Pure functions on text (csp, minify, material_patch); scripts/build.py applies them.
"""
