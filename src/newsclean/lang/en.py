"""English: calls to act, site labels, comment widgets (WordPress's and Disqus's own labels),
bylines, datelines and dates.

Pages in every language mix English in ("Share", "Follow us", "All rights reserved"), so this
pack is part of every page's lexicon (:data:`newsclean.lang.ALWAYS`).
"""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="en",
    name="English",
    promos=(
        # An imperative where a line or a sentence starts ("Subscribe to our newsletter", "Sign up
        # now"), a button's label ("Digital Magazine – Subscribe", "Log in / Sign up"), or a
        # newsletter's label ("Newsletters", "Get the free newsletter"); never "subscribers" or
        # "to sign up 300 more schools", which report.
        Phrase("subscribe", "|".join((
            r"(?:^|[.!?:|] )(?:please |click here to |tap here to )?(?:subscribe|sign up|signup)\b",
            r"(?:^|[^\w\s] ?|^(?:\S+ ){1,2}|\bfree )(?:subscribe|sign up|signup)\W*$",
            # "Enter your email to subscribe to our newsletter": to what, says the call.
            r"\bto (?:subscribe|sign up) (?:to|for) (?:our|the) (?:[\w&'’+.-]+ ){0,3}"
            r"(?:newsletters?|updates|alerts|emails?|podcast|channel)\b",
            # The widget's own word once it is done ("You have successfully subscribed. Thank you!").
            r"^(?:you(?:'ve| have) )?(?:been )?(?:successfully |succesfully )?subscribed\W*(?:thank|$)",
            # The call with its link or its adverb, anywhere in the line.
            r"(?:click|tap) here to (?:subscribe|sign up)\b|\b(?:subscribe|sign up) (?:now|today|for free)\b",
            r"^(?:[^\s.!?]+ ){0,3}newsletters?(?: sign ?-?up| subscription| archive)?\W*$",
            r"(?:^|[.!?:|] )(?:subscribe|sign up|sign-up|join|get|receive|register)(?: (?:for|to))? "
            r"(?:(?:our|the|my|a|free) )?(?:[\w&'’+.-]+ ){0,3}newsletters?\b",
        )), ("subscribe", "sign up", "signup", "newsletter")),
        Phrase("follow", r"follow (?:us|@)|like us on", ("follow", "like us")),
        # Where a sentence starts: "Users can download the new app" reports.
        Phrase("app", r"(?:^|[.!?:|] )(?:download|get) (?:the|our) (?:[\w&'’+.-]+ ){0,4}app\b|"
                      r"join (?:us|our) .{0,30}⟨apps⟩", (" app", "join")),
        # Joining the site's own conversation; "Join us in Philadelphia for the event" invites to
        # something the article is about.
        Phrase("join", r"join the conversation\b|^join us\W*$", ("join",)),
        # A label over a link ("Read more:", "See also", "Related:"), not "Read more about X."
        Phrase("read-also", r"^(?:read|see) also\b|^(?:read|see) more\W*(?:[:»›→|]|$)|"
                            r"^related(?: articles?| stories)?\s*:|^more on this\b",
               ("read", "see", "related", "more on this")),
        Phrase("watch", r"^(?:watch|listen)\b.{0,40}\b(?:video|live|podcast|here)\W*(?::|$)",
               ("watch", "listen")),
    ),
    chrome=(
        Phrase("footer", r"all rights reserved", ("reserv",)),
        # Instagram's caption under an embedded post.
        Phrase("embedded-post", r"a post shared by", ("a post shared",)),
    ),
    comment_widgets=(
        Phrase("comment-form", "|".join((
            # Calls to comment or reply where a sentence starts (an imperative there, a report after
            # a subject: "Readers were asked to leave a comment" is neither matched nor meant).
            r"(?:^|[.!?] )(?:leave|add|post|write|submit) (?:a |your |new )?"
            r"(?:comment|reply|review)(?:s\b|\b)",
            r"be the first to comment",  # WordPress's and Disqus's line over an empty thread
            r"(?:logged in|signed in|be a member|register) (?:in order )?to (?:leave |post )?(?:a )?"
            r"(?:comment|reply)",
            r"^(?:log|sign) in to (?:reply|comment)",
            # Widget labels: the list's buttons, Disqus's own line under its widget, "no comments yet".
            r"^(?:view|show|hide|load more|see all) comments",
            r"^comments powered by disqus|^join the discussi[oó]n",
            r"^(?:cancel )?reply$",
            r"^no comments(?: yet| so far| to show)?\W*(?:$|be the first|comment)",
            r"(?:^|[.!?] )(?:all )?comments are (?:closed|moderated)",
            r"your email address will not be published|required fields are marked",
            # A form's fields and its button: "Name *", "Email (required)", "Submit". A bare
            # "Comment" may head a column, so a comment field needs its mark.
            r"^(?:e-mail|email|name|website)(?: ?\(.*\))?\s*[:*]?\s*\*?$",
            r"^(?:your )?comment(?: ?\(.*\)| ?:| ?\*)\s*[:*]?\s*\*?$",
            r"^(?:submit|submit comment|send)$",
        )), ("comment", "reply", "email address", "required fields", "e-mail", "email", "name", "website",
             "submit", "send", "discussi")),
        Phrase("comment-rules", "|".join((
            # Site rules for comments, as links or as calls to read them.
            r"^(?:\| )?(?:community guidelines|comment(?:s|ing)? policy)\W*$",
            r"(?:read|see|follow|respect|adhere to|subject to|find) our "
            r"(?:community guidelines|comment(?:s|ing)? policy)",
            r"(?:^|[.!?] )comments? (?:are|is) the (?:sole )?responsibility",
        )), ("community guidelines", "policy", "responsibility")),
    ),
    share_words=("share", "shares", "tweet", "email", "e-mail", "print", "pin", "interest", "copy",
                 "copy link", "link", "mail"),
    by_words=("by",),
    and_words=(" and",),
    author_labels=("author", "written by", "reporter"),
    photo_labels=("photo", "image", "picture", "credit"),
    time_words=tuple("""
        jan january feb february mar march apr april may jun june jul july aug august sep sept september
        oct october nov november dec december mon monday tue tuesday wed wednesday thu thursday fri friday
        sat saturday sun sunday ago hour hours min mins minute minutes day days week weeks today yesterday
    """.split()),
    time_glue=("am", "pm", "updated", "published", "posted", "at", "on"),
    # Labels that open English stories the way a place opens a dateline.
    not_place=("update", "updated", "breaking", "breaking news", "exclusive", "analysis", "opinion", "note",
               "editor's note", "correction", "watch", "live", "video", "photos", "related", "advertisement"),
    comments_headings=("comments", "reader comments", "readers comments", "user comments",
                       "reader interactions"),
    headings=("responses", "replies", "discussion", "reviews", "customer reviews", "user reviews"),
    counted_headings=("comment", "thoughts", "reactions", "review"),
    comment_words=("comment",),
    heading_nouns=("thoughts?", "responses?", "replies", "reply", "comments?"),
    heading_links=("on", "to"),
    heading_stems=("comment", "reaction", "review", "respo", "repl", "thought", "discuss", "interaction"),
    count_words=("one",),
    actions=tuple("""
        reply replies respond like likes liked unlike report flag share quote delete edit
        permalink upvote downvote vote votes upvotes downvotes points helpful unhelpful
        save expand collapse loading follow improve top cart basket buy
    """.split()),
    action_glue=tuple("""
        by people person me this it a an the to of page click tap add more show hide view yes no
        answer post comment was is review
    """.split()),
    reply_words=("reply", "replies", "respond"),
    teasers=("continue reading", "read more", "read the rest"),
    say_words=("says", "said", "wrote", "writes"),
    months={1: ("january", "jan"), 2: ("february", "feb"), 3: ("march", "mar"), 4: ("april", "apr"),
            5: ("may",), 6: ("june", "jun"), 7: ("july", "jul"), 8: ("august", "aug"),
            9: ("september", "sep", "sept"), 10: ("october", "oct"), 11: ("november", "nov"),
            12: ("december", "dec")},
    time_units={"second": ("sec", "secs", "second", "seconds"),
                "minute": ("min", "mins", "minute", "minutes"), "hour": ("h", "hr", "hrs", "hour", "hours"),
                "day": ("day", "days"),
                "week": ("week", "weeks", "wk", "wks"), "month": ("month", "months", "mo", "mos"),
                "year": ("year", "years", "yr", "yrs")},
    one_words=("a", "an", "one"),
    ago_after=("ago",),
    ago_after_bare=("ago",),
    ago_hints=("ago",),
    day_words={"today": 0, "just now": 0, "yesterday": 1},
    clock_words=("at",),
    date_join_words=("on", "at"),
    not_names=tuple("""
        answered asked edited posted published updated commented modified replied written date time
        monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
        joined registered member since
    """.split()),
    stoplist="English",
)
