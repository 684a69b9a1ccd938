"""Model and form fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from mshub.core.validators import WebURLValidator, is_web_url, validate_web_url


class WebURLFormField(forms.URLField):
    """A form's URL field that takes http and https only ("example.org" gets https:// put before it)."""

    default_validators = [validate_web_url]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebURLField(models.URLField):
    """A URL column that holds an http(s) address or nothing.

    Forms and ``full_clean`` run the validator; ``save()``, ``bulk_create()``, ``update()`` and
    ``bulk_update()`` do not run validators, so the value is checked again on its way to the
    database, and any other scheme (``javascript:``, ``data:`` …) raises ``ValidationError``.
    """

    default_validators = [validate_web_url]
    description = "Web address (http or https)"

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if isinstance(value, str) and value and not is_web_url(value):
            raise ValidationError(
                WebURLValidator.message, code="invalid", params={"value": value, "field": self.attname}
            )
        return super().get_db_prep_save(value, connection)

    def formfield(self, form_class: Any = None, choices_form_class: Any = None, **kwargs: Any) -> Any:
        return super().formfield(
            form_class=form_class or WebURLFormField, choices_form_class=choices_form_class, **kwargs
        )
