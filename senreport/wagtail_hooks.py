from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    """'Glossary' in the admin menu: the SEND words explained to parents."""

    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossary"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "abbreviation", "definition"]
    list_export = ["term", "abbreviation", "definition"]
    export_filename = "glossary"
    # No search_fields here: the admin searches the model's own index (index.Indexed).
    # Field-restricted search crashes on SQLite's full-text backend (wagtail#10217).
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)
