"""What every area's JSON API stands on: the permission check and the forum-scoped viewset.

Areas import ``permissions.RulesPermission`` and ``viewsets.ForumReadOnlyViewSet`` from here;
``mshub.api`` only gathers the areas' viewsets into ``/api/v1/`` (it imports every area, so no area
may import it). The permission lives apart from the viewsets: DRF's settings import it while
``rest_framework.views`` is still loading.
"""
