"""Demo SEND section for the fictional school (see home/demo.py for the pattern)."""

from home.demo import ensure_child, p

from . import demo_support
from .models import SENDSectionPage


def seed_send_section(home, log):
    section, created = ensure_child(
        home,
        "send",
        lambda: SENDSectionPage(
            title="Special educational needs and disabilities (SEND)",
            show_in_menus=True,
            seo_title="SEND information",
            search_description=(
                "How we support children with special educational needs and disabilities."
            ),
            introduction=p(
                "Every child at Hollins Brook is taught in a way that suits them. Some "
                "children need extra help for a while, or all through school. These pages "
                "explain what we do, who to talk to, and the information the law asks us "
                "to publish."
            ),
        ),
        log,
    )
    if home.send_page_id is None:
        home.send_page = section
        home.save_revision().publish()
        log("Linked the home page to the SEND section")
    return section


def seed(site, log):
    section = seed_send_section(site.root_page.specific, log)
    demo_support.seed(section, log)
