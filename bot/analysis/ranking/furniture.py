"""How much of a sentence is page furniture (bylines, timestamps, share buttons) rather than text.

Cleaning drops whole boilerplate lines, but scraped news often glues furniture to the
article ("By . Associated Press . PUBLISHED: 10:05 EST, 3 March 2013 ."), so the
ranker scores what survives and gives such sentences near-zero weight.
"""

from __future__ import annotations

import re

_PHRASES = re.compile(
    r"""\b(?:
        click\ here | share\ this | share\ (?:or\ comment|on\ (?:facebook|twitter))
      | scroll\ down\ for | read\ more: | sign\ up\ for | follow\ (?:us\ on|@)
      | all\ rights\ reserved | ©
      | last\ updated\ at | published: | updated: | image\ caption | media\ playback
      | e-?mail\ to\ a\ friend | comments?\ (?:are|have\ been)\ closed
      | unable\ to\ accept\ comments
      | подпишитесь\ на | читайте\ также | поделиться\ в | фото: | все\ права\ защищены
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Words that make up datelines and bylines; a sentence made mostly of them is metadata.
_META_WORDS = frozenset(
    """
    est edt gmt bst utc pst cet msk am pm by published updated last at on and
    jan january feb february mar march apr april may jun june jul july aug august
    sep sept september oct october nov november dec december
    picture pictures photo photos video reporter | . : , / -
    """.split()
)
_META_NUMBER = re.compile(r"^\d{1,4}(?::\d{2}(?:am|pm)?|st|nd|rd|th)?$", re.IGNORECASE)


def furniture_score(sentence: str) -> float:
    """0.0 for prose, 1.0 for pure furniture; a phrase match counts as mostly furniture."""
    tokens = sentence.split()
    if not tokens:
        return 1.0
    meta = sum(1 for token in tokens if _is_meta(token.strip("()[],;").lower()))
    share = meta / len(tokens)
    if _PHRASES.search(sentence):
        share = max(share, 0.8)
    if tokens[0] in ("By", "Автор:") and len(tokens) <= 6:
        share = max(share, 0.9)  # a byline standing alone
    return min(1.0, share)


def _is_meta(token: str) -> bool:
    return token in _META_WORDS or bool(_META_NUMBER.match(token))
