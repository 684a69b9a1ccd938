from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import i18n as i18n_views
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import UpdateView

from mshub.accounts import mail_limits
from mshub.accounts.forms import ProfileForm, QueuedPasswordResetForm, TimezoneForm
from mshub.accounts.models import User
from mshub.core.middleware import TZ_COOKIE


class LoginView(auth_views.LoginView):
    """Sign-in by email. Repeated failures pause it (django-axes, mshub.accounts.lockout: 429)."""

    redirect_authenticated_user = True


MAIL_LIMIT_REACHED = _(
    "Too many mails were requested for this address or from your network recently. Nothing was "
    "sent; please try again later."
)


class PasswordResetView(auth_views.PasswordResetView):
    """Password reset by mail, at most a few mails per address and per client (mshub.accounts.mail_limits).

    The limit counts requests, whether or not an account has the address, so its message tells
    nobody which addresses have accounts.
    """

    form_class = QueuedPasswordResetForm

    def form_valid(self, form: Any) -> HttpResponse:
        if not mail_limits.allow_mail(self.request, "password-reset", form.cleaned_data["email"]):
            form.add_error(None, MAIL_LIMIT_REACHED)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class ProfileView(LoginRequiredMixin, UpdateView[User, ProfileForm]):
    """Every signed-in user may edit their own account, and only that."""

    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset: Any = None) -> User:
        return self.request.user  # type: ignore[return-value]

    def form_valid(self, form: ProfileForm) -> HttpResponse:
        messages.success(self.request, _("Your settings were saved."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["memberships"] = self.request.user.memberships.select_related("forum")  # type: ignore[union-attr]
        return context


def _refused_forgery(request: HttpRequest) -> HttpResponse | None:
    """The CSRF check, for a signed-in user only (see ``set_language``); a 403 response if it fails."""
    if not request.user.is_authenticated:
        return None
    return CsrfViewMiddleware(lambda _request: HttpResponse()).process_view(request, HttpResponse, (), {})


# The language and zone switches sit in every page's header and footer. For anonymous readers they
# only set a cookie of the reader's own, so they need no CSRF token: a page without one sets no
# ``csrftoken`` cookie and can be kept by the page cache (mshub.core.pagecache). For a signed-in
# user they also write to the account, and the CSRF check applies as everywhere else.
@csrf_exempt
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice on the signed-in user's account."""
    if (refused := _refused_forgery(request)) is not None:
        return refused
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(language=language)
    return response


@csrf_exempt
@require_POST
def set_timezone(request: HttpRequest) -> HttpResponse:
    """Remember the reader's choice of zone (a cookie; also the profile when signed in)."""
    if (refused := _refused_forgery(request)) is not None:
        return refused
    form = TimezoneForm(request.POST)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if form.is_valid():
        zone = form.cleaned_data["timezone"]
        if zone:
            response.set_cookie(
                TZ_COOKIE,
                zone,
                max_age=365 * 86400,
                secure=settings.SESSION_COOKIE_SECURE,  # HTTPS-only unless DEBUG, like the session
                httponly=True,
                samesite="Lax",
            )
        else:
            response.delete_cookie(TZ_COOKIE)
        if request.user.is_authenticated:
            User.objects.filter(pk=request.user.pk).update(timezone=zone)
    else:
        messages.error(request, _("Unknown time zone."))
    return response
