"""The language-neutral pack: what reads the same in every language.

The copyright sign, links and embedded posts, counters and separators, the names of networks
and apps, time zones, news and photo agencies, and the shapes of rules whose words the
language packs give (a share row is a run of share buttons, a byline "by NAME and NAME", a
label "Photo:"): each language pack fills the ``⟨slots⟩`` with its own words.
"""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="xx",
    name="language-neutral",
    chrome=(
        Phrase("footer", r"©|\(c\) ?\d{4}", ("©", "(c)")),
        # A tweet ends in its t.co link; Instagram's embed names the post's address. (The line
        # that signs a quoted post, "— Name (@handle) date", is left to the article's context: a
        # story that quotes the post keeps its signature.)
        Phrase("embedded-post", r"pic\.twitter\.com/|(?<!\S)https?://t\.co/\S+$|instagram\.com/p/",
               ("pic.twitter", "t.co/", "instagram.com/p/")),
        Phrase("url", r"^(?:https?://|www\.)\S+$", ("http", "www.")),
        Phrase("counter", r"^(?=.*\d)[\d\s.,:()+%kmb]+$"),
        # A run of share buttons and nothing else ("Facebook Twitter WhatsApp", "Share | Email").
        Phrase("share-row", r"^(?:(?:⟨share_words⟩)[\s,|/·•:-]*){1,12}$", ("⟨share_words⟩",)),
        Phrase("separator", r"^[\W_]+$"),
    ),
    bylines=(
        # "(أبوظبي - البيان)": a place and the paper, in brackets, as an agency credit is written.
        Phrase("credit", r"^\((?:[^()]{2,30}) [-–ـ] (?:[^()]{2,30})\)$"),
        # "By Jane Doe", "By Jane Doe and John Roe": at most five words a name.
        Phrase("by", r"^(?:⟨by_words⟩) [^\s,.]+(?: [^\s,.]+){0,4}"
                     r"(?:(?:,|⟨and_words⟩) [^\s,.]+(?: [^\s,.]+){0,3}){0,3}$"),
        Phrase("author-label", r"^(?:⟨author_labels⟩)\s*[:：]\s*\S"),
    ),
    captions=(
        Phrase("photo-credit", r"^©\s*\S.{0,60}$|^(?:⟨photo_labels⟩)\s*[:：]|"
                               r"\((?:⟨photo_agencies⟩)[^)]*\)$|"
                               r"(?:/|via )(?:getty images|afp|reuters|ap|epa)$",
               ("©", "⟨photo_labels⟩", "⟨photo_agencies⟩")),
    ),
    apps=("telegram", "whatsapp", "facebook", "twitter", "instagram", "youtube", "tiktok", "google news",
          "x"),
    share_words=("whatsapp", "whats app", "facebook", "twitter", "linkedin", "reddit", "telegram",
                 "messenger", "pinterest", "rss", "google", "sms"),
    # Swedish, Norwegian and Danish "av" ("av Anna Berg"), until those languages have packs.
    by_words=("av",),
    and_words=(" &",),
    photo_agencies=("getty images", "afp", "reuters", "ap", "epa", "shutterstock"),
    time_glue=("gmt", "utc", "est", "edt", "bst", "cet"),
    agencies=("Reuters", "AFP", "AP", "dpa", "CNN", "BBC", "Xinhua", "UPI", "Bloomberg", "EFE", "ANSA"),
    # WordPress lists links other blogs left as comments under these labels.
    pingbacks=("pingback", "trackback"),
    # "- 12:38", "@ 11:38" after a date; Scandinavian "kl. 10:12".
    clock_words=("@", "-", "–", r"kl\.?"),
)
