"""Campaign site generator: YAML campaign data in, validated model, Markdown and JSON out.

Plain Python with no dependency on MkDocs; `mkdocs_hook.py` is the only MkDocs glue.
"""
