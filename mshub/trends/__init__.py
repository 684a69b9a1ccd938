"""Trend items: the news the secretariat follows, entered by hand or pulled from feeds, under topics."""
