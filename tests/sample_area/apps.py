from django.apps import AppConfig


class SampleAreaConfig(AppConfig):
    name = "tests.sample_area"
    label = "sample_area"
