from django.apps import AppConfig


class Alliance87Config(AppConfig):
    name = "alliance87"
    verbose_name = "Alliance 8.7"
