"""The trends' records: trend items (a forum's working notes on what is happening in Internet
governance) and the feeds they are polled from, with a record of each poll (docs/trends.md)."""

from mshub.trends.models.feeds import FeedOutcome, FeedRun, TrendFeed
from mshub.trends.models.items import Origin, Region, TrendItem

__all__ = ["FeedOutcome", "FeedRun", "Origin", "Region", "TrendFeed", "TrendItem"]
