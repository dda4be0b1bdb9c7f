"""The browser form of every checklist of the handbook, filled through the page.

Each exported file is judged by the Python validator, the same one HR teams run: the
browser and the engine must agree on visibility, "answered" and the final status.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
# The checklist the contributor guide uses as its example; it has every item kind.
EXAMPLE = "exemple-contributeur"


def _entry(site: Any, checklist_id: str = EXAMPLE) -> dict[str, Any]:
    entries = site.checklists()
    return next((e for e in entries if e["id"] == checklist_id), entries[0])


def _clear_storage(driver: Any) -> None:
    driver.page.evaluate("() => localStorage.clear()")
    driver.page.reload()
    driver.root.locator(".checklist-toolbar").wait_for()


def test_every_checklist_fills_exports_and_restores(site, open_checklist, validate_form, tmp_path):
    """Fill each required item, export a final form the validator accepts, reload, find it all again."""
    entries = site.checklists()
    assert entries, "the site has no checklist"
    problems: list[str] = []
    for entry in entries:
        driver = open_checklist(entry)
        answered = driver.fill_required()
        progress = driver.root.locator(".checklist-progress-text").inner_text()
        expected = driver.ui["progress"].format(done=len(answered), total=len(answered))
        if progress != expected:
            problems.append(f"{entry['id']}: progress says {progress!r}, expected {expected!r}")
        first = tmp_path / entry["id"]
        first.mkdir()
        path, form = driver.export(first)
        result = validate_form(path)
        if form["status"] != "final" or not result.valid:
            errors = "; ".join(f"{e.item}: {e.message}" for e in result.errors)
            problems.append(
                f"{entry['id']}: exported status {form['status']!r}, valid={result.valid} {errors}"
            )
        blank = json.loads((site.root / "checklists" / entry["form"]).read_text(encoding="utf-8"))
        # The exported form names the schema the page offers, as an absolute URL.
        schema_url = form.get("$schema", "")
        if not (schema_url.endswith(f"/checklists/{entry['schema']}") and "://" in schema_url):
            problems.append(f"{entry['id']}: exported $schema is {schema_url!r}")
        if sorted(form["answers"]) != sorted(blank["answers"]):
            problems.append(f"{entry['id']}: exported items differ from the blank form")
        if (form["checklist"], form["version"], form["language"]) != (
            entry["id"],
            entry["version"],
            entry["language"],
        ):
            problems.append(
                f"{entry['id']}: wrong header {form['checklist']} {form['version']} {form['language']}"
            )
        for item_id in answered:
            value = form["answers"][item_id]
            if value is None or value is False or value == [] or value == "":  # 0 is an answer
                problems.append(f"{entry['id']}: answered item {item_id} exported blank")

        before = driver.state()
        driver.page.reload()
        driver.root.locator(".checklist-toolbar").wait_for()
        if driver.state() != before:
            problems.append(f"{entry['id']}: the draft was not restored intact after reload")
        if driver.ui["draft_restored"] not in driver.status():
            problems.append(f"{entry['id']}: no 'draft restored' message")
        (first / "again").mkdir()
        _, again = driver.export(first / "again")
        if again != form:
            problems.append(f"{entry['id']}: export after reload differs from the first export")
        _clear_storage(driver)
    assert not problems, "\n".join(problems)


def _satisfy_and_violate(cond: dict[str, Any], target: dict[str, Any]) -> tuple[Any, Any]:
    """Two values of the controlling item: one meeting the condition, one not (or ...)."""
    kind, values = target["kind"], target["values"]
    none = ...
    if "answered" in cond:
        if kind in ("single_choice", "rating") and target["tag"] != "select":
            filled, empty = values[0], none  # a radio group cannot be emptied again
        elif kind == "checkbox":
            filled, empty = True, False
        elif kind == "multi_choice":
            filled, empty = values[:1], []
        elif kind == "number":
            filled, empty = 1, None
        elif kind == "date":
            filled, empty = "2026-01-15", None
        else:
            filled, empty = "x", None
        return (filled, empty) if cond["answered"] else (empty, filled)
    wanted = cond["any_of"] if "any_of" in cond else [cond["equals"]]
    if kind == "checkbox":
        return wanted[0], not wanted[0]
    if kind == "multi_choice":
        return [wanted[0]], []
    if kind == "number":
        return wanted[0], wanted[0] + 1
    keys = {json.dumps(w) if not isinstance(w, str) else w for w in wanted}
    other = [v for v in values if v not in keys]
    return (str(wanted[0]), other[0] if other else none)


def test_visible_if_shows_and_hides(site, open_checklist):
    """Every conditional item appears when its condition holds and hides (disabled) when not."""
    problems: list[str] = []
    checked = 0
    for entry in site.checklists():
        driver = open_checklist(entry)
        conditional = [i for i in driver.items() if i["visibleIf"]]
        for item in conditional:
            _clear_storage(driver)
            by_id = {i["id"]: i for i in driver.items()}
            chain = []
            current = item
            while current["visibleIf"]:
                chain.append(current)
                current = by_id[current["visibleIf"]["item"]]
            # Open the chain from the top: each controlling item gets a value that shows the next.
            for link in reversed(chain):
                target = by_id[link["visibleIf"]["item"]]
                yes, _ = _satisfy_and_violate(link["visibleIf"], target)
                if yes is not ...:
                    driver.set(target, yes)
            state = driver.item(item["id"])
            if state["hidden"] or state["disabled"]:
                problems.append(
                    f"{entry['id']}/{item['id']}: still hidden once {item['visibleIf']} holds"
                )
                continue
            target = by_id[item["visibleIf"]["item"]]
            yes, no = _satisfy_and_violate(item["visibleIf"], target)
            if no is ...:
                continue
            driver.set(target, no)
            state = driver.item(item["id"])
            if not state["hidden"] or (state["tag"] and not state["disabled"]):
                problems.append(
                    f"{entry['id']}/{item['id']}: shown (or enabled) although {item['visibleIf']} fails"
                )
            dependants = [
                i for i in driver.items() if i["visibleIf"] and i["visibleIf"]["item"] == item["id"]
            ]
            for dep in dependants:
                if not dep["hidden"]:
                    problems.append(
                        f"{entry['id']}/{dep['id']}: shown although {item['id']} is hidden"
                    )
            driver.set(target, yes)
            if driver.item(item["id"])["hidden"]:
                problems.append(
                    f"{entry['id']}/{item['id']}: does not come back when the condition holds again"
                )
            checked += 1
        _clear_storage(driver)
    assert not problems, "\n".join(problems)
    if checked == 0:
        pytest.skip("no checklist of the site has a visible_if item")


FOCUS_JS = """formId => {
  const el = document.activeElement;
  if (!el || !el.closest('#' + formId)) return null;
  const node = el.closest('.checklist-item');
  if (!node) return {tag: el.tagName.toLowerCase(), item: null};
  const data = JSON.parse(el.closest('section.checklist').querySelector('script.checklist-data').textContent);
  const def = data.checklist.sections.flatMap(s => s.items).find(i => i.id === node.dataset.item);
  const group = Array.from(node.querySelectorAll('[name]')).filter(c => c.name === node.dataset.item);
  return {
    tag: el.tagName.toLowerCase(), type: el.type || '', item: node.dataset.item,
    kind: node.dataset.kind, required: def.required === true,
    checked: !!el.checked, value: el.value,
    groupChecked: group.filter(c => c.checked).length,
    minSelected: def.min_selected || 1,
    min: el.getAttribute('min'), max: el.getAttribute('max'), maxlength: el.getAttribute('maxlength'),
  };
}"""


def test_keyboard_only_completion(site, open_checklist, validate_form, answers_for, tmp_path):
    """Reach, fill and export a whole checklist with Tab, Space, arrows and typing only."""
    driver = open_checklist(_entry(site))
    page = driver.page
    form_id = driver.root.locator("form.checklist-form").get_attribute("id")
    page.locator("body").focus()
    for _ in range(500):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_JS, form_id):
            break
    else:
        pytest.fail("Tab never reaches the checklist form")

    typed: set[str] = set()
    for _ in range(1500):
        info = page.evaluate(FOCUS_JS, form_id)
        if info is None:
            break
        if info["item"] and info["required"]:
            kind = info["kind"]
            if (kind == "checkbox" and not info["checked"]) or (
                kind == "multi_choice"
                and info["groupChecked"] < info["minSelected"]
                and not info["checked"]
            ):
                page.keyboard.press("Space")
            elif info["type"] == "radio" and info["groupChecked"] == 0:
                # Space picks the focused (first) choice; arrows move the choice and back.
                page.keyboard.press("Space")
                page.keyboard.press("ArrowDown")
                page.keyboard.press("ArrowUp")
            elif info["tag"] == "select" and info["value"] == "":
                page.keyboard.press("ArrowDown")
            elif (
                info["tag"] in ("input", "textarea")
                and info["type"] in ("text", "textarea")
                and not info["value"].strip()
            ):
                page.keyboard.type(answers_for["text"](info))
            elif info["type"] == "number" and info["value"] == "":
                page.keyboard.type(str(answers_for["number"](info)))
            elif info["type"] == "date" and info["value"] == "" and info["item"] not in typed:
                # Chromium's date field takes digits segment by segment (fr-FR: day, month, year).
                page.keyboard.type("15012026")
                typed.add(info["item"])
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never leaves the checklist form")

    export_name = driver.ui["export"]
    for _ in range(1500):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.textContent") == export_name:
            break
    else:
        pytest.fail("Shift+Tab never reaches the Export button")
    path, form = driver.export(tmp_path, via_keyboard=True)
    result = validate_form(path)
    assert result.valid, [f"{e.item}: {e.message}" for e in result.errors]
    assert form["status"] == "final", form


def _text_items(driver: Any) -> list[dict[str, Any]]:
    return [i for i in driver.items() if i["kind"] == "text"]


def test_import_inserts_text_never_markup(site, open_checklist, tmp_path):
    entries = site.checklists()
    # The checklist with the most text items gives the payloads the most places to hide.
    best = None
    for entry in entries:
        driver = open_checklist(entry)
        texts = _text_items(driver)
        if best is None or len(texts) > len(best[1]):
            best = (entry, texts)
    assert best and best[1], "no checklist has a text item"
    entry, texts = best
    driver = open_checklist(entry)
    form = json.loads((site.root / "checklists" / entry["form"]).read_text(encoding="utf-8"))
    payloads = {}
    too_long = []
    for n, item in enumerate(texts):
        payload = XSS_SCRIPT if n % 2 == 0 else XSS_IMG
        if item["maxlength"] and int(item["maxlength"]) < len(payload):
            too_long.append(item["id"])  # over the schema's maxLength: refused, not truncated
        else:
            payloads[item["id"]] = payload
        form["answers"][item["id"]] = payload
    assert payloads, "no text item can hold the payloads"
    form["answers"][XSS_IMG] = XSS_SCRIPT  # an unknown item whose name is markup
    images_before = driver.page.evaluate("() => document.images.length")
    driver.import_file("evil.json", json.dumps(form).encode())
    driver.page.wait_for_timeout(300)  # an <img onerror> would fire asynchronously

    for item_id, payload in payloads.items():
        assert driver.control(item_id).input_value() == payload, item_id
    assert driver.page.evaluate("() => typeof window.__xss") == "undefined"
    assert driver.page.evaluate("() => document.images.length") == images_before
    # the one script element is the checklist's JSON data block, written at build time
    assert driver.root.locator("img, script:not(.checklist-data)").count() == 0
    assert driver.root.locator("script").count() == 1
    status = driver.status()
    assert driver.ui["import_done"] in status
    assert driver.ui["import_unknown"].format(id=XSS_IMG) in status
    for item_id in too_long:
        assert driver.control(item_id).input_value() == ""
        assert driver.ui["import_bad_value"].format(id=item_id) in status
    # Exported back, the texts are the same characters.
    _, exported = driver.export(tmp_path)
    visible = {i["id"] for i in driver.items() if not i["hidden"]}
    for item_id, payload in payloads.items():
        if item_id in visible:
            assert exported["answers"][item_id] == payload


def test_import_refuses_what_is_not_this_form(site, open_checklist):
    entries = site.checklists()
    entry = _entry(site)
    other = next((e for e in entries if e["id"] != entry["id"]), None)
    driver = open_checklist(entry)
    first = (
        driver.items()[0]
        if driver.items()[0]["kind"] != "note"
        else next(i for i in driver.items() if i["kind"] != "note")
    )
    driver.answer(first)
    before = driver.state()
    ui = driver.ui

    driver.import_file("notes.json", b"this is { not JSON")
    assert driver.alert() == ui["import_not_json"]
    assert driver.state() == before

    driver.import_file("list.json", b"[1, 2, 3]")
    assert driver.alert() == ui["import_not_form"]

    own = json.loads((site.root / "checklists" / entry["form"]).read_text(encoding="utf-8"))
    own["version"] = "0.0.1"
    driver.import_file("old.json", json.dumps(own).encode())
    assert driver.alert() == ui["import_version"].format(version="0.0.1", current=entry["version"])

    if other is not None:
        form = json.loads((site.root / "checklists" / other["form"]).read_text(encoding="utf-8"))
        driver.import_file("other.json", json.dumps(form).encode())
        assert driver.alert() == ui["import_other"].format(id=other["id"])
    assert driver.state() == before, "a refused import changed the answers"
    assert driver.status() == ""


def test_reset_asks_then_clears_form_and_draft(site, open_checklist):
    driver = open_checklist(_entry(site))
    driver.fill_required()
    filled = driver.state()
    driver.page.once("dialog", lambda d: d.dismiss())
    driver.button("reset").click()
    assert driver.state() == filled, "reset without confirmation erased answers"

    driver.page.once("dialog", lambda d: d.accept())
    driver.button("reset").click()
    assert driver.state() != filled
    key = driver.page.evaluate(
        "([id, v]) => Object.keys(localStorage).filter(k => k.includes(id) && k.includes(v))",
        [driver.id, driver.version],
    )
    assert key == [], "the draft is still stored"
    driver.page.reload()
    driver.root.locator(".checklist-toolbar").wait_for()
    assert driver.state() == open_checklist(_entry(site)).state()


def test_print_button_prints(site, open_checklist):
    driver = open_checklist(_entry(site))
    driver.page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    driver.button("print").click()
    assert driver.page.evaluate("() => window.__printed") == 1
    driver.page.emulate_media(media="print")
    assert not driver.root.locator(".checklist-toolbar").is_visible()
    assert driver.root.locator("form.checklist-form").is_visible()
    for selector in (
        ".bd-header",
        ".bd-sidebar-primary",
        ".bd-sidebar-secondary",
        ".bd-footer",
        ".prev-next-area",
    ):
        for element in driver.page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"


def _random_answers(checklist: Any, rng: Any) -> dict[str, Any]:
    """A draft with a random mix of blank and given answers, each valid for its item."""
    answers: dict[str, Any] = {}
    for item in checklist.answerable_items():
        if rng.random() < 0.35:
            answers[item.id] = item.blank()
            continue
        kind = item.kind
        if kind == "checkbox":
            value: Any = rng.random() < 0.6
        elif kind == "single_choice":
            value = rng.choice(item.choices).value
        elif kind == "multi_choice":
            size = rng.randint(0, min(len(item.choices), item.max_selected or len(item.choices)))
            picked = {c.value for c in rng.sample(list(item.choices), size)}
            value = [c.value for c in item.choices if c.value in picked]
        elif kind == "rating":
            value = rng.choice(item.levels).value
        elif kind == "number":
            low = item.min if item.min is not None else 0
            high = item.max if item.max is not None else low + 10
            value = int(rng.randint(int(low), int(high)))
        elif kind == "date":
            value = f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        else:
            value = rng.choice(["", "   ", "Une réponse", "Ligne 1\nLigne 2"])[
                : item.text_max_length
            ]
            if kind == "text" and not item.multiline:
                value = value.replace("\n", " ")
        answers[item.id] = value
    # Random values may break a rule between two answers (salary range, dates): swap the
    # pair, as a person correcting it would. Rules have their own tests (test_rules_live,
    # the conformance corpus); this one compares visibility and status.
    for rule in checklist.rules:
        first, second = answers.get(rule.item), answers.get(rule.other)
        if first in (None, "") or second in (None, ""):
            continue
        holds = {">=": first >= second, ">": first > second, "<=": first <= second,
                 "<": first < second}[rule.op]  # fmt: skip
        if not holds:
            answers[rule.item], answers[rule.other] = second, first
            if first == second:
                answers[rule.item] = checklist.item(rule.item).blank()
    return answers


def test_browser_and_validator_agree_on_random_forms(site, open_checklist, validate_form, tmp_path):
    """Import random drafts, export them: the browser's status and visibility are the engine's."""
    import random

    from checklist_forms.intake.validate import checklist_from_schema

    rng = random.Random(20260401)
    problems: list[str] = []
    for entry in site.checklists():
        schema = json.loads(
            (site.root / "checklists" / entry["schema"]).read_text(encoding="utf-8")
        )
        checklist = checklist_from_schema(schema)
        driver = open_checklist(entry)
        for n in range(6):
            answers = _random_answers(checklist, rng)
            form = {
                "checklist": entry["id"],
                "version": entry["version"],
                "language": "fr",
                "status": "draft",
                "answers": answers,
            }
            driver.import_file("random.json", json.dumps(form).encode())
            lines = driver.root.locator(".checklist-status p").all_inner_texts()
            if lines != [driver.ui["import_done"]]:
                problems.append(
                    f"{entry['id']} #{n}: import complained: {lines!r} {driver.alert()!r}"
                )
                continue
            out = tmp_path / f"{entry['id']}-{n}"
            out.mkdir()
            path, exported = driver.export(out)
            result = validate_form(path)
            if not result.valid:
                problems.append(
                    f"{entry['id']} #{n}: invalid export: {[e.message for e in result.errors]}"
                )
            missing = [i.id for i in checklist.missing_for_final(answers)]
            expected = "draft" if missing else "final"
            if exported["status"] != expected:
                problems.append(
                    f"{entry['id']} #{n}: browser says {exported['status']}, engine says {expected} (missing {missing})"
                )
            for item in checklist.answerable_items():
                shown = checklist.is_visible(item, answers)
                want = answers[item.id] if shown else item.blank()
                got = exported["answers"][item.id]
                if not (got == want and type(got) is type(want)) and not (
                    isinstance(want, str) and got is None and want == ""
                ):
                    problems.append(
                        f"{entry['id']} #{n}: {item.id} imported {answers[item.id]!r} (shown={shown}), exported {got!r}"
                    )
    assert not problems, "\n".join(problems)
