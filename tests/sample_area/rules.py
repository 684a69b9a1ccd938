from typing import Any

from mshub.core.permissions import is_steering

PERMISSIONS: dict[str, Any] = {"sample_area.view_notes": is_steering}
