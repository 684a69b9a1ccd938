"""The site's URLconf built with the sample area installed (``tests/test_areas.py``)."""

from mshub.urls import build_urlpatterns

urlpatterns = build_urlpatterns()
