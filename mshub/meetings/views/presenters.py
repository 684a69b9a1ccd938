"""The page a presenter reaches from the mail asking them to confirm: accept or decline, no sign-in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mshub.meetings.models import Presenter
from mshub.meetings.services.presenters import answer
from mshub.meetings.views.base import SecretLinkView


class PresenterConfirmView(SecretLinkView, TemplateView):
    """The secret link is the credential (as for a registrant's cancel link): it opens this page, and only
    it, signed in or not, in a private forum too. Without a valid link only the steering group gets past
    the permission check, and then finds nothing."""

    permission_required = "meetings.change_meeting"
    template_name = "meetings/presenter_confirm.html"

    def link_holders(self) -> QuerySet[Presenter]:
        return Presenter.objects.filter(item__meeting=self.meeting, confirmation_token=self.kwargs["token"])

    def get_presenter(self) -> Presenter:
        return get_object_or_404(self.link_holders().select_related("person", "item"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        presenter = self.get_presenter()
        presenter.item.meeting = self.meeting
        return {**super().get_context_data(**kwargs), "presenter": presenter, "item": presenter.item}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        presenter = self.get_presenter()
        choice = request.POST.get("answer")
        if choice not in ("accept", "decline"):
            messages.error(request, _("Choose whether you accept or decline."))
            return self.render_to_response(self.get_context_data(), status=400)
        answer(presenter, accepted=choice == "accept")
        if choice == "accept":
            messages.success(request, _("Thank you: your presentation is confirmed."))
        else:
            messages.success(request, _("Thank you for letting us know: the steering group will be in touch."))
        return HttpResponseRedirect(request.path)
