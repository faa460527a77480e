"""Language-neutral codebooks (CAMEO, PLOVER, Goldstein, concept lists) kept as data files."""

from powermap.codebooks.cameo import CameoCode, cameo_codes, lookup

__all__ = ["CameoCode", "cameo_codes", "lookup"]
