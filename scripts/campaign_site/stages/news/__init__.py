"""The news stage: activity posts in; published photos and Atom feeds out."""
