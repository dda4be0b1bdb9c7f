"""argparse's own words, marked so that the catalogue translates them.

argparse asks ``gettext`` (domain ``argparse``) for these; :mod:`checklist_forms.cli.language`
points it at this package's catalogue instead, which must therefore hold them. Never
imported: it exists for extraction (``python -m checklist_forms.i18n.messages``).
"""

from gettext import ngettext

from checklist_forms.i18n.translate import N_

WORDS = (
    N_("usage: "),
    # Translators: a help heading; argparse adds ":" right after it, so French ends the
    # translation with a no-break space.
    N_("positional arguments"),
    # Translators: a help heading; argparse adds ":" right after it (French: "options ").
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    ngettext("expected %s argument", "expected %s arguments", 2),
)
