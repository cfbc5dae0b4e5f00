"""The few sentences a translated page shows about itself, in the page's own language.

Written by people, like the translations: Polish and Arabic here; any other language reads
them in English until someone adds it (a language's entry needs every key).
"""

TEXT = {
    "en-gb": {
        "translated_from": "Translated from the English page published on {date}.",
        "translated_from_undated": "Translated from the English page.",
        "changed": "The English page has changed since this translation.",
        "read_english": "Read the current English page",
        "languages": "This page in other languages",
    },
    "pl": {
        "translated_from": "Przetłumaczono z angielskiej wersji strony opublikowanej {date}.",
        "translated_from_undated": "Przetłumaczono z angielskiej wersji strony.",
        "changed": "Angielska wersja tej strony zmieniła się od czasu tego tłumaczenia.",
        "read_english": "Przeczytaj aktualną wersję po angielsku",
        "languages": "Ta strona w innych językach",
    },
    "ar": {
        "translated_from": "تُرجمت هذه الصفحة عن الصفحة الإنجليزية المنشورة في {date}.",
        "translated_from_undated": "تُرجمت هذه الصفحة عن الصفحة الإنجليزية.",
        "changed": "تغيّرت الصفحة الإنجليزية منذ هذه الترجمة.",
        "read_english": "اقرأ الصفحة الإنجليزية الحالية",
        "languages": "هذه الصفحة بلغات أخرى",
    },
}


def text_for(code):
    """The sentences in this language, else in English; and the language they are in."""
    if code in TEXT:
        return TEXT[code], code
    return TEXT["en-gb"], "en-gb"
