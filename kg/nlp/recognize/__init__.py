"""Recognizers: pure functions from normalized text (and earlier mentions) to mentions."""
