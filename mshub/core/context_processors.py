from typing import Any

from django.http import HttpRequest

from mshub.core.templatetags.mshub import COMMON_ZONES


def forum(request: HttpRequest) -> dict[str, Any]:
    return {"forum": getattr(request, "forum", None), "common_zones": COMMON_ZONES}
