#!/usr/bin/env python3
"""Measures what the agent receives: the identifiers in `summary.details`, on conversations
written for it (tests/data/summary_eval.jsonl: messages, the details a careful agent would
note, and secrets planted in them), beside a regex-only baseline, in one run.

The widget's side comes from the scoring CLI (`score --conversation --summary --faq
examples/demo/faq.json`), which builds the summary with the widget's own code. Values are
compared the way an agent would look them up: ids without spaces, dashes, dots or `#`
("4821 3" is 48213), phones and amounts by their digits (amounts with their currency),
emails, links and usernames ignoring case. A detail found twice counts once right and once
wrong. Printed: recall and precision per kind and overall, for both; then whether any planted
secret (cards, IBANs, passwords, codes) survives anywhere in what the CLI printed.

    python3 scripts/summary-eval.py        # builds the CLI; exit code 1 when a target is missed

Also printed: how many headlines merely repeat the visitor's first message (short questions
such as "What are your opening hours" are already a title; longer ones should be condensed),
and whether any is over 120 characters.

Targets (the summary issue): recall and precision >= 0.9 overall, F1 at least the baseline's on
every kind and above it overall, no planted secret in the output, no headline over 120
characters.
"""
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The first set tuned the extractor; the second was written after that (its misses were then
# fixed); the third was written later still, and its figures are its first run's.
SETS = [("tuning set", os.path.join(ROOT, "tests", "data", "summary_eval.jsonl")),
        ("held-out set", os.path.join(ROOT, "tests", "data", "summary_eval_holdout.jsonl")),
        ("second held-out set", os.path.join(ROOT, "tests", "data", "summary_eval_holdout2.jsonl"))]
FAQ = os.path.join(ROOT, "examples", "demo", "faq.json")

CURRENCIES = [("R$", "brl"), ("€", "eur"), ("$", "usd"), ("£", "gbp"), ("¥", "jpy"), ("₹", "inr"),
              ("eur", "eur"), ("euro", "eur"), ("usd", "usd"), ("dollar", "usd"), ("gbp", "gbp"),
              ("chf", "chf"), ("pln", "pln"), ("brl", "brl"), ("jpy", "jpy")]


def normalize(kind, value):
    v = value.strip()
    if kind in ("email", "url", "product"):
        return v.lower().rstrip("/.")
    if kind == "username":
        return v.lower().lstrip("@")
    if kind == "phone":
        return re.sub(r"\D", "", v)
    if kind == "amount":
        lower = v.lower()
        currency = next((code for mark, code in CURRENCIES if mark in lower), "?")
        return re.sub(r"\D", "", v) + currency
    return re.sub(r"[\s\-.#/]", "", v).upper()


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def widget_details(conversations):
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "score"], cwd=ROOT, check=True)
    cli = os.path.join(ROOT, "target", "release", "examples", "score")
    text = "\n\n".join("\n".join(json.dumps(m, ensure_ascii=False) for m in c["messages"])
                       for c in conversations) + "\n"
    out = subprocess.run([cli, "--conversation", "--summary", "--faq", FAQ], input=text,
                         capture_output=True, text=True, check=True).stdout
    summaries = [json.loads(line) for line in out.splitlines() if '"summary"' in line]
    summaries = [s for s in summaries if "summary" in s]
    assert len(summaries) == len(conversations), (len(summaries), len(conversations))
    return [[(d["kind"], d["value"]) for d in s["summary"]["details"]] for s in summaries], out, \
        [s["summary"]["headline"] for s in summaries]


PRODUCTS = [p for e in json.load(open(FAQ, encoding="utf-8"))["entries"] for p in e.get("tags", [])
            if p[:1].isupper() or any(ch.isdigit() for ch in p)]
I = re.IGNORECASE
ID = r"#?([A-Z0-9][A-Z0-9/-]{2,})"
BASELINE = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("url", re.compile(r"https?://\S+")),
    ("amount", re.compile(r"(?:R\$|[€$£¥₹]|\b(?:CHF|EUR|USD|GBP|PLN)\b)\s?\d[\d.,]*\d?"
                          r"|\d[\d.,]*\s?(?:€|\b(?:EUR|USD|PLN|CHF|dollars|euros)\b)", I)),
    ("tracking_number", re.compile(r"\b(?:1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|JJD\d{10,}|\d{18,22})\b")),
    ("invoice_number", re.compile(r"(?:invoice|receipt|rechnung|factura|facture|faktura)\s+" + ID, I)),
    ("account_id", re.compile(r"(?:account|customer|member|kundennummer)\s+(?:id|number|no\.?)?\s*(?:is\s+)?" + ID, I)),
    ("reference", re.compile(r"(?:ticket|case|reference|rma)\s+" + ID, I)),
    ("order_number", re.compile(r"(?:order|pedido|commande|bestellung|ordine|bestelling|encomenda)s?\s+"
                                r"(?:number\s+|no\.?\s*|nr\.?\s*)?(?:is\s+)?" + ID, I)),
    ("postal_code", re.compile(r"(?:postcode|zip|postal code|plz)\s+(?:is\s+)?([A-Z0-9]{3,5}(?: [A-Z0-9]{2,3})?)\b", I)),
    ("username", re.compile(r"(?:username|user name|login|handle)\s+(?:is\s+)?(@?[\w.]+)", I)),
    ("phone", re.compile(r"\+?\(?\d[\d ()-]{7,}\d")),
]


def baseline_details(conversation):
    found = []
    for message in conversation["messages"]:
        if message["role"] != "visitor":
            continue
        text = message["text"]
        taken = []
        for kind, pattern in BASELINE:
            for match in pattern.finditer(text):
                span = match.span(1) if match.groups() else match.span()
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                taken.append(span)
                found.append((kind, text[span[0]:span[1]]))
        for product in PRODUCTS:
            if product.lower() in text.lower():
                found.append(("product", product))
    return found


def score(expected_sets, got_sets):
    per_kind = collections.defaultdict(lambda: [0, 0, 0])  # right, expected, got
    for expected, got in zip(expected_sets, got_sets):
        want = collections.Counter((k, normalize(k, v)) for k, v in expected)
        have = collections.Counter((k, normalize(k, v)) for k, v in got)
        for (kind, _), n in want.items():
            per_kind[kind][1] += n
        for (kind, _), n in have.items():
            per_kind[kind][2] += n
        for key, n in (want & have).items():
            per_kind[key[0]][0] += n
    return per_kind


def copies_first_message(headline, conversation):
    """Whether the headline is the visitor's first message as written, give or take case,
    punctuation, a topic in front ("Payment: ") and the key identifier after it."""
    first = next(m["text"] for m in conversation["messages"] if m["role"] == "visitor")
    flat = lambda text: re.sub(r"[\W_]", "", text.lower())
    body = re.sub(r" \([a-z]+ [^)]*\)$", "", headline)
    body = re.sub(r"^[A-Z][a-z]+(?: [a-z]+){0,3}: ", "", body)
    return flat(body) == flat(first)


def ratio(a, b):
    return a / b if b else 1.0


def f1(r, p):
    return 2 * r * p / (r + p) if r + p else 0.0


def evaluate(title, conversations, verbose):
    """Prints one set's table; returns whether a target was missed."""
    expected = [[(d["kind"], d["value"]) for d in c["details"]] for c in conversations]
    ours, printed, headlines = widget_details(conversations)
    theirs = [baseline_details(c) for c in conversations]
    mine, base = score(expected, ours), score(expected, theirs)
    print(f"{title}: {len(conversations)} conversations, {sum(map(len, expected))} expected details")
    print(f"  {'kind':<16} {'n':>4}   {'handover R':>10} {'P':>6}   {'regex R':>8} {'P':>6}")
    failed = False
    total_m, total_b = [0, 0, 0], [0, 0, 0]
    for kind in sorted(set(mine) | set(base)):
        m, b = mine[kind], base[kind]
        for total, row in ((total_m, m), (total_b, b)):
            for i in range(3):
                total[i] += row[i]
        mr, mp, br, bp = ratio(m[0], m[1]), ratio(m[0], m[2]), ratio(b[0], b[1]), ratio(b[0], b[2])
        worse = f1(mr, mp) < f1(br, bp)
        failed |= worse
        print(f"  {kind:<16} {m[1]:>4}   {mr:>10.2f} {mp:>6.2f}   {br:>8.2f} {bp:>6.2f}"
              f"{'   below the baseline' if worse else ''}")
    mr, mp = ratio(total_m[0], total_m[1]), ratio(total_m[0], total_m[2])
    br, bp = ratio(total_b[0], total_b[1]), ratio(total_b[0], total_b[2])
    print(f"  {'overall':<16} {total_m[1]:>4}   {mr:>10.3f} {mp:>6.3f}   {br:>8.3f} {bp:>6.3f}")
    failed |= mr < 0.9 or mp < 0.9 or f1(mr, mp) <= f1(br, bp)
    flat = re.sub(r"\s", "", printed)
    planted = [s for c in conversations for s in c["secrets"]]
    survived = [s for s in planted if re.sub(r"\s", "", s) in flat]
    print(f"  planted secrets: {len(planted)}, surviving in the CLI's output: {len(survived)} {survived or ''}")
    failed |= bool(survived)
    copies = [h for c, h in zip(conversations, headlines) if copies_first_message(h, c)]
    too_long = [h for h in headlines if len(h) > 120]
    print(f"  headlines: {len(copies)} of {len(headlines)} repeat the visitor's first message word for"
          f" word (a topic or the key id aside), {len(too_long)} longer than 120 characters")
    failed |= bool(too_long)
    if verbose:
        for h in copies:
            print(f"  copied: {h}")
        for c, want, got in zip(conversations, expected, ours):
            w = collections.Counter((k, normalize(k, v)) for k, v in want)
            g = collections.Counter((k, normalize(k, v)) for k, v in got)
            if w != g:
                print(f"  #{c['id']}: missed {sorted((w - g).elements())} extra {sorted((g - w).elements())}")
    return failed


def main():
    failed = False
    for title, path in SETS:
        failed |= evaluate(title, load(path), "-v" in sys.argv)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
