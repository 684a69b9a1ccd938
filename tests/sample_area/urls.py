from django.urls import path
from django.views.generic import TemplateView

from mshub.core.views.base import ForumView

app_name = "sample_area"


class NotesView(ForumView, TemplateView):
    permission_required = "sample_area.view_notes"
    template_name = "sample_area/notes.html"


urlpatterns = [path("sample-notes/", NotesView.as_view(), name="notes")]
