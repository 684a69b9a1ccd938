from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _

from mshub.accounts.models import User
from mshub.core.tasks import send_mail_task
from mshub.core.timezones import zone_choices


class ProfileForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["display_name", "language", "timezone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].widget = forms.Select(choices=[("", _("Each forum's own zone")), *zone_choices()])


class TimezoneForm(forms.Form):
    timezone = forms.ChoiceField(label=_("Show times in"), required=False)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["timezone"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("The forum's zone")), *zone_choices()]


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose mail goes through the background-task queue.

    The view checks the per-address and per-client mail limits before calling ``save``.
    """

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from django.template import loader

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_mail_task.delay(subject=subject, body=body, to=[to_email], from_email=from_email)
