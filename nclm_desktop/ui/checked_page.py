"""A form-builder wizard page whose Next stays enabled: pressing it runs the service's own
check, which says under the field what is wrong (the surgery wizards; the page still lists
what is needed meanwhile)."""

from __future__ import annotations

from .form_builder import FormWizardPage


class CheckedFormPage(FormWizardPage):
    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        super().isComplete()  # keeps the "still needed" list current
        return True
