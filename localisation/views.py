"""wagtail-localize's "Sync translated pages" screen, without its way around the Translators.

The screen only asks for `submit_translation`, which communicators have, yet its "Publish
immediately" publishes every translation — English pages with untranslated Finnish text in
them — on behalf of someone who may not publish in English. Here that box is offered only to
users who may publish every translation it would publish; for the others the sync still
refreshes the source, and translators publish from the translation editor.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.views.update_translations import (
    UpdateTranslationsView as LocalizeUpdateTranslationsView,
)


class UpdateTranslationsView(LocalizeUpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not self.user_may_publish_translations:
            field = form.fields["publish_translations"]
            # A disabled field's value is its initial value, whatever is posted.
            field.disabled = True
            field.initial = False
            field.help_text = _(
                "Only someone who may publish in every target language can publish here. "
                "Translators publish the updated translations from the translation editor."
            )
        return form

    @cached_property
    def user_may_publish_translations(self):
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True):
            target = translation.get_target_instance()
            if isinstance(target, Page):
                if not target.permissions_for_user(user).can_publish():
                    return False
            else:
                meta = target._meta
                if not user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
                    return False
        return True
