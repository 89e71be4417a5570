#!/usr/bin/env python3
"""Build data/replies.jsonl for the four-step grader (see docs/labelling.md).

Standard library only, fixed seed, deterministic:
    python data/build_corpus.py          # rewrite data/replies.jsonl
    python data/build_corpus.py --check  # verify the files and print statistics

Sources:
  * data/customer_lines.jsonl  - 81 hand-written customer lines, each with its split.
  * data/handwritten/*.txt     - hand-written free-form replies with hand-assigned labels.
  * data/pools.py              - per-split fragment pools for the template replies.
Template replies use only the pool of their line's split, so test phrasings never occur in train.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pools import POOLS  # noqa: E402

SEED = 20240611
TEMPLATES_PER_LINE = 24
STEPS = ("person", "job", "apology", "ask")
TACTICS = """you_people angry_opener hate_product you_better_fix_it take_business_elsewhere
better_english not_listening what_do_you_mean_i_cant swearing customer_always_right
manager_demand bash_online threat_to_sue physical_threat wont_pay you_dont_know
how_hard_is_your_job overheard_on_hold just_forget_it noisy_background off_topic_story
pet_names flirting_voice asking_out multiple_issues too_little_info fake_fine""".split()


def load_lines() -> list[dict]:
    with open(HERE / "customer_lines.jsonl", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def code_to_labels(code: str) -> dict:
    assert len(code) == 4 and all(c in "PJAK." for c in code), code
    return {s: code[i] != "." for i, s in enumerate(STEPS)}


def load_handwritten() -> list[tuple[str, str, str, dict]]:
    """Return (line_id, family, reply, labels) for every hand-written reply."""
    out = []
    for path in sorted((HERE / "handwritten").glob("*.txt")):
        line_id = None
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            raw = raw.strip()
            if not raw or raw.startswith("# "):
                continue
            if raw.startswith("## "):
                line_id = raw[3:].strip()
                continue
            m = re.match(r"^([PJAK.]{4}) (\w+) \| (.+)$", raw)
            if not m:
                raise SystemExit(f"{path.name}:{n}: bad row: {raw[:60]}")
            out.append((line_id, m.group(2), m.group(3).strip(), code_to_labels(m.group(1))))
    return out


# ----------------------------------------------------------------- templating
def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def fill(tpl: str, line: dict) -> str:
    s = dict(line["slots"])
    s["name"] = line["customer_name"]
    for k in ("cost", "cause", "policy", "colleague"):
        s[k.capitalize()] = cap(s.get(k, ""))
    return tpl.format(**s)


CHAT_SUBS = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\byou're\b", "ur"), (r"\bplease\b", "pls"),
             (r"\btomorrow\b", "tmrw"), (r"\bbecause\b", "cos"), (r"\bokay\b", "ok")]


def chatify(text: str, rng: random.Random) -> str:
    t = text.lower().replace("'", "").replace(" - ", " ").replace(";", ",")
    for pat, rep in CHAT_SUBS:
        if rng.random() < 0.6:
            t = re.sub(pat, rep, t)
    words = t.split()
    for _ in range(rng.randint(1, 2)):  # one or two letter-swap typos in longer words
        idx = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        if idx:
            i = rng.choice(idx)
            w = words[i]
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    t = " ".join(words)
    if rng.random() < 0.5:
        t = t.replace(".", "").replace("?", "")
    return t


class Composer:
    """Builds one template reply for a family from the split's pools."""

    def __init__(self, line: dict, rng: random.Random):
        self.line, self.rng = line, rng
        self.p = POOLS[line["split"]]

    def f(self, key: str) -> str:
        return fill(self.rng.choice(self.p[key]), self.line)

    def maybe(self, key: str, prob: float = 0.5) -> str | None:
        return self.f(key) if self.rng.random() < prob else None

    def build(self, family: str) -> tuple[str, dict]:
        r, f, maybe = self.rng, self.f, self.maybe
        name = self.line["customer_name"]
        P = J = A = K = False
        parts: list[str | None] = []
        if family == "good_all_four":
            order = [f("ack"), f("apol")]
            r.shuffle(order)
            parts = order + [maybe("fix", 0.4), f("askrem") if r.random() < 0.6 else f("ask")]
            P = J = A = K = True
        elif family == "sorry_but":
            ack = maybe("ack", 0.35)
            ask = maybe("ask", 0.3)
            parts = [ack, f("sorry_but"), ask]
            P, K = bool(ack), bool(ask)
        elif family == "sorry_if_you_feel":
            ack = maybe("ack", 0.25)
            ask = maybe("ask", 0.4)
            parts = [f("sorry_feel"), ack, maybe("neutral", 0.4), ask]
            P, J, K = bool(ack), True, bool(ask)
        elif family == "blame_apology":
            ask = maybe("askrem", 0.3)
            parts = [f("blame_ap"), ask]
            K = bool(ask)
        elif family == "sarcastic_apology":
            parts = [f("sarcastic"), maybe("neutral", 0.5)]
            J = True
        elif family == "corporate_hedge":
            ack = maybe("ack", 0.3)
            ask = maybe("ask", 0.4)
            parts = [f("hedge"), ack, maybe("neutral", 0.5), ask]
            P, J, K = bool(ack), True, bool(ask)
        elif family == "empathy_then_blame":
            ask = maybe("ask", 0.3)
            parts = [f("ack"), f("blame_after"), ask]
            K = bool(ask)
        elif family == "name_only":
            apol = maybe("apol", 0.5)
            ask = maybe("askrem", 0.4)
            parts = [f"{name}, " + r.choice(["", "right. ", "okay. "]) + f("neutral"), apol, ask]
            J, A, K = True, bool(apol), bool(ask)
        elif family == "data_only_question":
            apol = maybe("apol", 0.5)
            ack = maybe("ack", 0.3)
            parts = [ack, apol, f("data_q")]
            P, J, A = bool(ack), True, bool(apol)
        elif family == "please_hold_only":
            ack = maybe("ack", 0.3)
            apol = maybe("apol", 0.5)
            parts = [ack, apol, f("hold")]
            P, J, A = bool(ack), True, bool(apol)
        elif family == "rhetorical_question":
            parts = [maybe("neutral", 0.4), f("rhetorical")]
        elif family == "keyword_stuffing":
            parts = [f("stuffing")]
            J = True
        elif family == "rude_but_correct":
            parts = [f("rude_good")]
            P = J = A = K = True
        elif family == "very_short":
            text, code = r.choice(self.p["short"])
            return text, code_to_labels(code)
        elif family == "very_long":
            good = r.random() < 0.6
            parts = [f("ack"), f("apol"), f("neutral"), f("fix")]
            if not good:
                parts.insert(2, f("cause"))
            parts += [f("askrem"), f("ask") if r.random() < 0.5 else None]
            P, J, A, K = True, good, good, True
        elif family == "policy_wall":
            ack = maybe("ack", 0.3)
            parts = [ack, maybe("apol", 0.4), f("wall")]
            P = bool(ack)
        elif family == "counter_threat":
            parts = [f("counter"), maybe("neutral", 0.3)]
        elif family == "calm_down":
            apol = maybe("apol", 0.35)
            ask = maybe("ask", 0.35)
            parts = [f("calm"), apol, maybe("neutral", 0.5), ask]
            J, A, K = True, bool(apol), bool(ask)
        elif family == "minimising":
            ask = maybe("ask", 0.35)
            parts = [f("minim"), maybe("neutral", 0.4), ask]
            J, K = True, bool(ask)
        elif family == "not_my_department":
            ack = maybe("ack", 0.3)
            parts = [ack, maybe("apol", 0.3), f("notmine")]
            P = bool(ack)
        elif family == "call_us_back":
            ack = maybe("ack", 0.3)
            parts = [ack, maybe("apol", 0.3), f("callback")]
            P = bool(ack)
        elif family == "explaining_cause":
            ack = maybe("ack", 0.4)
            ask = maybe("ask", 0.4)
            parts = [ack, maybe("apol", 0.4), f("cause"), ask]
            P, K = bool(ack), bool(ask)
        elif family == "defending_company":
            ask = maybe("ask", 0.3)
            parts = [f("defend"), ask]
            K = bool(ask)
        elif family == "blaming_colleague":
            ack = maybe("ack", 0.4)
            ask = maybe("askrem", 0.3)
            parts = [ack, maybe("apol", 0.3), f("colleague"), ask]
            P, K = bool(ack), bool(ask)
        elif family == "arguing":
            parts = [f("argue"), maybe("neutral", 0.4)]
        elif family == "remedy_offered_as_question":
            apol = maybe("apol", 0.6)
            parts = [apol, f("askrem")]
            J, A, K = True, bool(apol), True
        elif family == "apology_only":
            parts = [f("apol"), maybe("fix", 0.3)]
            J = A = True
        elif family == "ask_only":
            parts = [f("ask")]
            J = K = True
        elif family == "empathy_only":
            parts = [f("ack"), maybe("fix", 0.4)]
            P = J = True
        elif family == "neutral_procedural":
            parts = [f("neutral"), maybe("fix", 0.3)]
            J = True
        elif family == "form_speak":
            apol = maybe("apol", 0.3)
            ask = maybe("ask", 0.3)
            parts = [f("formspeak"), apol, ask]
            J, A, K = True, bool(apol), bool(ask)
        elif family == "premature_close":
            ack = maybe("ack", 0.4)
            apol = maybe("apol", 0.4)
            parts = [ack, apol, f("decides"), f("close")]
            P, J, A = bool(ack), True, bool(apol)
        elif family == "gives_up":
            parts = [maybe("neutral", 0.3), f("gives_up")]
        elif family == "ends_call":
            parts = [f("end_call")]
            J = True
        elif family == "partial_mixes":
            mode = r.choice(["PA", "PK", "AK", "PAK_cause", "PK_wall"])
            if mode == "PA":
                parts = [f("ack"), f("apol")]; P = J = A = True
            elif mode == "PK":
                parts = [f("ack"), f("askrem")]; P = J = K = True
            elif mode == "AK":
                parts = [f("apol"), f("ask")]; J = A = K = True
            elif mode == "PAK_cause":
                parts = [f("ack"), f("apol"), f("cause"), f("askrem")]; P = K = True
            else:
                parts = [f("ack"), f("wall"), f("ask")]; P = K = True
        else:
            raise ValueError(family)
        text = " ".join(p for p in parts if p)
        first = text.find(name)
        if first != -1 and text.find(name, first + 1) != -1:  # say the name once, not twice
            head, tail = text[: first + len(name)], text[first + len(name):]
            text = head + tail.replace(f", {name}", "").replace(f"{name}, ", "")
        return text, {"person": P, "job": J, "apology": A, "ask": K}


GENERAL_FAMILIES = """good_all_four good_all_four good_all_four sorry_but sorry_if_you_feel blame_apology
sarcastic_apology corporate_hedge empathy_then_blame name_only data_only_question please_hold_only
rhetorical_question keyword_stuffing rude_but_correct very_short very_long chat_style_typos
chat_style_typos policy_wall counter_threat calm_down minimising not_my_department call_us_back
explaining_cause defending_company blaming_colleague arguing remedy_offered_as_question
remedy_offered_as_question apology_only ask_only empathy_only neutral_procedural partial_mixes
partial_mixes form_speak premature_close""".split()
EXIT_TACTICS = {"take_business_elsewhere", "just_forget_it", "fake_fine"}
PHYSICAL_FAMILIES = """ends_call ends_call ends_call ends_call counter_threat counter_threat arguing arguing
calm_down calm_down keyword_stuffing very_short very_short apology_only apology_only neutral_procedural
neutral_procedural please_hold_only sarcastic_apology minimising data_only_question rhetorical_question
form_speak name_only""".split()


def template_replies(line: dict, seen: set[str]) -> list[tuple[str, str, dict]]:
    rng = random.Random(f"{SEED}-{line['id']}")
    comp = Composer(line, rng)
    if line["tactic"] == "physical_threat":
        fams = list(PHYSICAL_FAMILIES)
    else:
        fams = list(GENERAL_FAMILIES) + (["gives_up", "gives_up"] if line["tactic"] in EXIT_TACTICS else [])
    rng.shuffle(fams)
    out = []
    for fam in fams:
        if len(out) >= TEMPLATES_PER_LINE:
            break
        for _attempt in range(20):
            if fam == "chat_style_typos":
                base = rng.choice(["good_all_four", "partial_mixes", "apology_only", "ask_only", "empathy_only",
                                   "remedy_offered_as_question"])
                text, labels = comp.build(base)
                text = chatify(text, rng)
            else:
                text, labels = comp.build(fam)
            if text.lower() not in seen:
                break
        else:
            continue
        seen.add(text.lower())
        out.append((fam, text, labels))
    return out


def build() -> list[dict]:
    lines = load_lines()
    by_id = {l["id"]: l for l in lines}
    hand = defaultdict(list)
    for line_id, fam, text, labels in load_handwritten():
        if line_id not in by_id:
            raise SystemExit(f"handwritten reply for unknown line {line_id}")
        hand[line_id].append((fam, text, labels))
    rows = []
    seen = {text.lower() for items in hand.values() for _, text, _ in items}
    for line in lines:
        items = [(fam, text, labels, "handwritten") for fam, text, labels in hand[line["id"]]]
        items += [(fam, text, labels, "template") for fam, text, labels in template_replies(line, seen)]
        for fam, text, labels, src in items:
            rows.append({"id": f"r{len(rows) + 1:05d}", "line": line["id"], "reply": text, "labels": labels,
                         "family": fam, "split": line["split"], "source": src})
    return rows


# ----------------------------------------------------------------- checks
def check() -> int:
    lines = load_lines()
    rows = [json.loads(l) for l in open(HERE / "replies.jsonl", encoding="utf-8")]
    errors = []
    line_ids = [l["id"] for l in lines]
    if len(set(line_ids)) != len(line_ids):
        errors.append("duplicate customer line ids")
    if len({r["id"] for r in rows}) != len(rows):
        errors.append("duplicate reply ids")
    line_split = {l["id"]: l["split"] for l in lines}
    for r in rows:
        if r["line"] not in line_split:
            errors.append(f"{r['id']}: unknown line {r['line']}")
        elif r["split"] != line_split[r["line"]]:
            errors.append(f"{r['id']}: split {r['split']} differs from its line's")
        if r["labels"]["apology"] and not r["labels"]["job"]:
            errors.append(f"{r['id']}: apology true but job false (guide: apology implies job)")
    splits_per_line = defaultdict(set)
    for r in rows:
        splits_per_line[r["line"]].add(r["split"])
    errors += [f"line {k} in splits {v}" for k, v in splits_per_line.items() if len(v) > 1]
    tac = Counter(l["tactic"] for l in lines)
    errors += [f"tactic {t} has {tac[t]} lines" for t in TACTICS if tac[t] < 2]
    errors += [f"unknown tactic {t}" for t in tac if t not in TACTICS]
    texts = Counter(r["reply"].strip().lower() for r in rows)
    errors += [f"duplicate reply text: {t[:60]!r}" for t, c in texts.items() if c > 1]
    per_line = Counter(r["line"] for r in rows)
    lo, hi = min(per_line.values()), max(per_line.values())

    print(f"customer lines: {len(lines)}  replies: {len(rows)}  replies per line: {lo}-{hi}")
    print("lines per split:", dict(Counter(l["split"] for l in lines)))
    print("tactics per split:", {s: len({l['tactic'] for l in lines if l['split'] == s}) for s in ("train", "dev", "test")})
    print("\nsplit   replies handwritten  " + "  ".join(f"{s:>7}" for s in STEPS))
    for sp in ("train", "dev", "test", "all"):
        sub = [r for r in rows if sp == "all" or r["split"] == sp]
        hw = sum(r["source"] == "handwritten" for r in sub)
        rates = "  ".join(f"{100 * sum(r['labels'][s] for r in sub) / len(sub):6.1f}%" for s in STEPS)
        print(f"{sp:6} {len(sub):8} {hw:11}  {rates}")
    print("\nfamily counts (all / handwritten):")
    fam = Counter(r["family"] for r in rows)
    famh = Counter(r["family"] for r in rows if r["source"] == "handwritten")
    for f_, c in sorted(fam.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {f_:28} {c:4} / {famh[f_]:3}")
    all4 = sum(all(r["labels"].values()) for r in rows)
    none4 = sum(not any(r["labels"].values()) for r in rows)
    print(f"\nall four true: {all4}   all four false: {none4}")
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors[:50]:
            print("  ", e)
        return 1
    print("\nchecks passed")
    return 0


def main() -> int:
    if "--check" in sys.argv:
        return check()
    rows = build()
    with open(HERE / "replies.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} replies")
    return check()


if __name__ == "__main__":
    raise SystemExit(main())
