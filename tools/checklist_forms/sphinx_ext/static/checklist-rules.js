/* The rules of a checklist without a DOM, as in checklist_forms.core (model, answered,
 * score, guard): visibility, answered, score, guard. Applied to the page's JSON data
 * block; tests/conformance/ runs the same cases on both. Classic script (ChecklistRules
 * on globalThis) and CommonJS module (node --test). */
'use strict';
(function (root) {
  // str.strip(): trim() drops U+FEFF, keeps U+001C-001F and U+0085
  const strip = (s) => s.replace(/^(?:[^\S\ufeff]|[\x1c-\x1f\x85])+|(?:[^\S\ufeff]|[\x1c-\x1f\x85])+$/g, '');
  // guard.fold per character. NFD shows combining classes: a mark of class 1-239 goes
  // before U+0345 (240).
  const fold = (c) => [...c.replace(/[\u0152\u0153]/, 'oe').replace(/[\u00c6\u00e6]/, 'ae').normalize('NFD')]
    .filter((m) => m !== '\u0345' && `\u0345${m}`.normalize('NFD')[0] === '\u0345').join('').toLowerCase();
  // Python's Unicode \b \d \w
  const W = '[\\p{L}\\p{N}_]';
  const CLASSES = { b: `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`, d: '\\p{Nd}', w: W };
  const regex = (p) => new RegExp(p.replace(/\\(.)/g, (m, c) => CLASSES[c] || m), 'gu');
  const top = (list) => (list.length ? Math.max(...list) : undefined);
  const get = (answers, id) => (answers[id] === undefined ? null : answers[id]);

  const compile = ({ checklist: d, answer_rules: a, guard: g }) => {
    const items = d.sections.flatMap((s) => s.items);
    return {
      id: d.id, version: d.version, language: d.language || 'fr', scoring: d.scoring || null, items,
      answerable: items.filter((i) => i.kind !== 'note'), byId: new Map(items.map((i) => [i.id, i])),
      guard: g && { rules: g.rules.map((r) => ({ ...r, re: r.patterns.map(regex) })), ...g.stopwords },
      visible: new RegExp(a.visible_text, 'u'), date: new RegExp(a.date, 'u'), dateLength: a.date_length,
    };
  };
  // answered.has_visible_text, answered.is_date, model.is_answered (true is not 1)
  const hasVisibleText = (m, s) => m.visible.test(s);
  const isDate = (m, s) => typeof s === 'string' && s.length === m.dateLength && m.date.test(s);
  const isAnswered = (m, v) => v != null && v !== false
    && (typeof v === 'string' ? hasVisibleText(m, v) : !Array.isArray(v) || v.length > 0);
  // Item.answered
  const itemAnswered = (m, i, v) => (i.kind === 'multi_choice' && Array.isArray(v)
    ? v.length >= Math.max(1, i.min_selected || 1) : isAnswered(m, v));
  const blankOf = (kind) => (kind === 'checkbox' ? false : kind === 'multi_choice' ? [] : null);
  // Condition.holds, Checklist.is_visible (the conditions of the items it depends on too)
  const holds = (m, c, v) => (c.answered !== undefined ? isAnswered(m, v) === c.answered
    : [].concat(v).some((g) => (c.any_of || [c.equals]).includes(g)));
  const isVisible = (m, item, answers) => {
    for (let i = item, n = 0; i && i.visible_if; i = m.byId.get(i.visible_if.item)) {
      if (n++ > m.items.length || !holds(m, i.visible_if, get(answers, i.visible_if.item))) return false;
    }
    return true;
  };
  // The answers as exported (blank where the item does not apply), missing_for_final
  const exported = (m, answers) => Object.fromEntries(m.answerable.map((i) => [i.id,
    isVisible(m, i, answers) ? get(answers, i.id) : blankOf(i.kind)]));
  const missing = (m, answers) => m.answerable.filter((i) => i.required && isVisible(m, i, answers)
    && !itemAnswered(m, i, get(answers, i.id))).map((i) => i.id);

  // score.max_value
  const maxValue = (i) => (i.kind === 'rating' ? top(i.levels.map((l) => l.value))
    : i.kind === 'single_choice' ? top(i.choices.filter((c) => c.score != null).map((c) => c.score))
      : i.kind === 'number' && i.max != null ? i.max : undefined);

  // score.evaluate: the same sums, order and rounding
  const evaluate = (m, answers) => {
    if (!m.scoring) return null;
    const { method, outcomes = [], flags = [] } = m.scoring;
    const totals = Object.fromEntries(outcomes.map((o) => [o.id, 0]));
    const reasons = [];
    const failed = [];
    let earned = 0, possible = 0, rated = 0, scored = 0, outcome;
    for (const i of m.answerable) {
      if (!isVisible(m, i, answers)) continue;
      const value = get(answers, i.id);
      if (method === 'tally') {
        const gained = {};
        const add = (points = {}) => { for (const o in points) gained[o] = (gained[o] || 0) + points[o]; };
        if (i.kind === 'checkbox' && value === true) add(i.points);
        else if (i.choices) i.choices.filter((c) => [].concat(value).includes(c.value)).forEach((c) => add(c.points));
        const points = Object.entries(gained).filter(([o, p]) => p && o in totals).sort(([a], [b]) => (a < b ? -1 : 1));
        if (!points.length) continue;
        points.forEach(([o, p]) => { totals[o] += p; });
        reasons.push({ item: i.id, value, points: Object.fromEntries(points) });
        continue;
      }
      const best = maxValue(i);
      if (best === undefined) continue;
      scored += 1;
      const choice = i.kind === 'single_choice' && i.choices.find((c) => c.value === value);
      const x = choice ? choice.score ?? null : !i.choices && typeof value === 'number' ? value : null;
      if (i.must_have != null && (x === null || x < i.must_have)) failed.push(i.id);
      if (x === null) continue;
      const weight = i.weight ?? 1;
      rated += 1;
      earned += weight * x;
      possible += weight * best;
      reasons.push({ item: i.id, value, weight, max: best });
    }
    const result = { method, flags: flags.filter((f) => holds(m, f.when, get(answers, f.when.item))).map((f) => f.id), reasons };
    if (method === 'tally') {
      for (const { id } of outcomes) if (totals[id] > 0 && (!outcome || totals[id] > totals[outcome])) outcome = id;
      return { ...result, totals, outcome: outcome || null };
    }
    const score = possible > 0 ? Math.floor(earned / possible * 100 * 10 + 0.5) / 10 : null;
    outcome = failed.length ? outcomes.find((o) => o.when_must_have_fails) : null;
    if (!outcome && score !== null) outcome = outcomes.find((o) => o.min != null && !o.when_must_have_fails && score >= o.min);
    return { ...result, score, rated, scored_items: scored, must_have_failed: failed, outcome: outcome ? outcome.id : null };
  };

  // guard.screen on one text: [rule, words] (where[] maps folded to typed characters)
  const findings = (m, text) => {
    const { guard } = m;
    const chars = [...text];
    const where = [];
    let f = '';
    chars.forEach((c, i) => {
      f += fold(c);
      while (where.length < f.length) where.push(i);
    });
    const count = (list) => (f.match(/[a-z]+/g) || []).filter((t) => list.includes(t)).length;
    const en = count(guard.en);
    const s = [...strip(text)];
    return guard.rules.map((rule) => [rule, [...new Set(rule.language_rule
      ? m.language === 'fr' && en >= 3 && en > 2 * count(guard.fr) ? [s.slice(0, 40).join('') + (s[40] ? '\u2026' : '')] : []
      : rule.re.flatMap((re) => [...f.matchAll(re)].filter((x) => x[0])
        .map((x) => chars.slice(where[x.index], where[x.index + x[0].length - 1] + 1).join(''))))]])
      .filter(([, words]) => words.length);
  };
  // guard.screen: the visible text items that do not opt out
  const screen = (m, answers) => m.answerable.flatMap((i) => {
    const v = get(answers, i.id);
    return m.guard && i.kind === 'text' && i.guard !== false && typeof v === 'string' && hasVisibleText(m, v)
      && isVisible(m, i, answers) ? findings(m, v).map(([rule, words]) => ({ item: i.id, rule: rule.id, words })) : [];
  });

  const api = { compile, hasVisibleText, isDate, isAnswered, itemAnswered, blankOf, holds, isVisible, exported, missing, evaluate, findings, screen };
  root.ChecklistRules = api;
  if (typeof module === 'object' && module.exports) module.exports = api;
}(globalThis));
