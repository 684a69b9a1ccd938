"""The published meeting report, built from the records: HTML, Markdown and PDF, in ja or en."""
