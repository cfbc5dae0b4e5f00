"""Every item of the SEN Information Report can be filled in from the editor."""

from wagtail.admin.panels import ObjectList, TabbedInterface

from senreport.models import SENInformationReportPage
from senreport.report_items import ITEM_TABS, REPORT_ITEMS


def fields_by_tab(edit_handler):
    """The field names an editor sees on each tab of the edit form."""

    def names(panel):
        found = [panel.field_name] if getattr(panel, "field_name", None) else []
        for child in getattr(panel, "children", ()):
            found.extend(names(child))
        return found

    return {tab.heading: names(tab) for tab in edit_handler.children}


def missing_from_editor(edit_handler):
    """Each item field the edit form does not show on the item's tab."""
    tabs = fields_by_tab(edit_handler)
    return [
        (item.check_id, name)
        for item in REPORT_ITEMS
        for name in item.edited_fields
        if name not in tabs.get(item.tab, ())
    ]


def test_every_item_field_and_extra_field_is_on_its_tab_of_the_edit_form():
    edit_handler = SENInformationReportPage.get_edit_handler()

    assert missing_from_editor(edit_handler) == []
    form_fields = edit_handler.get_form_class().base_fields
    for item in REPORT_ITEMS:
        for name in item.edited_fields:
            assert name in form_fields, f"{item.check_id}: {name} is not in the edit form"


def test_a_tab_that_leaves_an_item_out_is_noticed():
    complete = SENInformationReportPage.get_edit_handler()
    last_tab = complete.children[-3]  # the last item tab, before Easy read and Promote
    without_one_item = TabbedInterface(
        [
            *complete.children[:-3],
            ObjectList(last_tab.children[:-1], heading=last_tab.heading),
            *complete.children[-2:],
        ]
    ).bind_to_model(SENInformationReportPage)

    dropped = [item for item in REPORT_ITEMS if item.tab == last_tab.heading][-1]
    assert {name for check_id, name in missing_from_editor(without_one_item)} == set(
        dropped.edited_fields
    )


def test_the_editor_tabs_follow_the_item_list():
    tabs = [tab.heading for tab in SENInformationReportPage.get_edit_handler().children]

    assert tabs == ["About the report", *ITEM_TABS, "Easy read", "Promote"]
    assert {item.tab for item in REPORT_ITEMS} == set(ITEM_TABS)
