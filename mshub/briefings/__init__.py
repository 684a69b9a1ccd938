"""The briefing builder: the secretariat's "what happened since last time", built from stored items."""
