"""The ``checklist`` directive: parsing only.

It reads the definition, reports each problem as a ``checklist.<subtype>`` warning at the
line of the offending key, and emits a :class:`checklist` node whose children are the
translatable texts. Rendering happens later, per output format.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from checklist_forms.core.definition import Problem, Subtype, build_checklist
from checklist_forms.core.texts import iter_texts
from checklist_forms.sphinx_ext import elements as cl_nodes
from checklist_forms.sphinx_ext.log import warn

KNOWN_OPTIONS = ("version", "title", "audience", "guard")


def _is_myst(state: object) -> bool:
    return type(state).__module__.startswith("myst_parser")


class _AnyOption(dict[str, Any]):
    """Accept every option so a misspelt one becomes a located ``checklist.unknown_key``
    warning instead of docutils' generic directive error."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> Any:
        return directives.unchanged


class ChecklistDirective(SphinxDirective):
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = False
    option_spec: ClassVar[dict[str, Any]] = _AnyOption(
        dict.fromkeys(KNOWN_OPTIONS, directives.unchanged)
    )

    def run(self) -> list[nodes.Node]:
        checklist_id = self.arguments[0].strip() if self.arguments else ""
        options = {k: str(v or "") for k, v in self.options.items()}
        problems: list[Problem] = []
        for name in sorted(set(options) - set(KNOWN_OPTIONS)):
            import difflib

            hint = difflib.get_close_matches(name, KNOWN_OPTIONS, n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            problems.append(
                Problem(
                    Subtype.UNKNOWN_KEY,
                    f"unknown option {name!r} of checklist {checklist_id!r}{suggestion}; "
                    f"options: {', '.join(KNOWN_OPTIONS)}",
                    option=name,
                )
            )
        body = "\n".join(self.content)
        checklist, more = build_checklist(
            checklist_id,
            {k: v for k, v in options.items() if k in KNOWN_OPTIONS},
            body,
            language=self.config.language or "en",
        )
        problems.extend(more)
        for problem in problems:
            warn((self.env.docname, self._line_of(problem)), problem.subtype, problem.message)
        # A checklist with any problem is warned about once and left out of the page and
        # of every file made from it: half a checklist would fail later, far from its line.
        if checklist is None or problems:
            return []
        definition = checklist.to_dict()
        anchor = self._claim_anchor(f"checklist-{checklist.id}")
        node = cl_nodes.checklist(
            "",
            ids=[anchor],
            checklist_id=checklist.id,
            definition=definition,
        )
        self.state.document.ids[anchor] = node
        self.set_source_info(node)
        source = self.get_source_info()[0]
        item_lines = {
            f"sections/{s}/items/{i}/": item.line
            for s, section in enumerate(checklist.sections)
            for i, item in enumerate(section.items)
        }
        for path, text in iter_texts(definition):
            line = self.lineno
            for prefix, item_line in item_lines.items():
                if path.startswith(prefix) and item_line is not None:
                    line = self._body_line(item_line)
            text_node = cl_nodes.checklist_text(text, text, path=path)
            text_node.source, text_node.line = source, line
            node += text_node
        return [node]

    def _claim_anchor(self, anchor: str) -> str:
        """The block's id, which the domain's links use; a heading that took it yields.

        A heading such as "Checklist : interne ou externe" gets the same automatic id as
        the block below it, and a page with one id twice is invalid HTML: the heading's
        id becomes ``<anchor>-section``.
        """
        document = self.state.document
        holder = document.ids.get(anchor)
        if isinstance(holder, nodes.section) and anchor in holder["ids"]:
            renamed = f"{anchor}-section"
            holder["ids"][holder["ids"].index(anchor)] = renamed
            document.ids[renamed] = holder
            del document.ids[anchor]
        return anchor

    # -- locations ------------------------------------------------------------------

    def _body_line(self, line: int) -> int:
        """1-based document line of a 0-based line of the YAML body.

        docutils gives ``content_offset`` as the 0-based line of the body in the file;
        MyST gives it relative to the directive's first line.
        """
        if _is_myst(self.state):
            return self.lineno + self.content_offset + 1 + line
        return self.content_offset + 1 + line

    def _line_of(self, problem: Problem) -> int:
        if problem.line is not None:
            return self._body_line(problem.line)
        if problem.option is not None:
            pattern = re.compile(rf"^\s*:{re.escape(problem.option)}:")
            for offset, text in enumerate(self.block_text.splitlines()):
                if pattern.match(text):
                    return self.lineno + offset
        return self.lineno
