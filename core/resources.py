"""What every import-export resource shares: the model's own rules, and references that exist.

A resource turns rows of a spreadsheet (CSV, xlsx) into records and back, for the admin's import
and export (core.admin.RegistryAdmin). Each app's resources.py declares the columns of its
models; the rules stay the model's: full_clean() runs on every row, so a constraint's message is
the row's error in the preview, and nothing is imported while any row has one.
"""

from django.utils.translation import gettext as _
from import_export import resources, widgets


class RegistryResource(resources.ModelResource):
    class Meta:
        # full_clean() on each row: fields, clean() and every constraint, with their messages.
        clean_model_instances = True
        # One transaction for the whole file: a refused row leaves the table as it was.
        use_transactions = True
        # A row equal to its record changes nothing, so it writes no history event either.
        skip_unchanged = True
        report_skipped = True


class KnownForeignKeyWidget(widgets.ForeignKeyWidget):
    """A reference by a unique column (a partner's slug); an unknown value is the row's error."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(model)s has the %(field)s “%(value)s”.")
                % {
                    "model": self.model._meta.verbose_name,
                    "field": self.model._meta.get_field(self.field).verbose_name,
                    "value": value,
                }
            ) from None


class KnownManyToManyWidget(widgets.ManyToManyWidget):
    """References separated by commas; every one must exist (the library would drop unknowns)."""

    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        if value and not isinstance(value, (int, float)):
            wanted = {item.strip() for item in str(value).split(self.separator) if item.strip()}
            known = {str(v) for v in found.values_list(self.field, flat=True)}
            if unknown := sorted(wanted - known):
                raise ValueError(
                    _("No %(model)s has the %(field)s “%(value)s”.")
                    % {
                        "model": self.model._meta.verbose_name,
                        "field": self.model._meta.get_field(self.field).verbose_name,
                        "value": ", ".join(unknown),
                    }
                )
        return found
