"""Sentences made from the data: model values in; Vietnamese text out, through the one catalogue of words."""
