"""Linguistic annotation back ends behind one interface (see ``base.Annotator``)."""

from powermap.annotate.base import Annotator, AnnotatorInfo
from powermap.annotate.registry import annotators, get_annotator

__all__ = ["Annotator", "AnnotatorInfo", "annotators", "get_annotator"]
