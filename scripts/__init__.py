"""Build, check and export tooling for the bilingual edition: see README.md, "Layout"."""
