#!/usr/bin/env python3
"""Evaluates the FAQ matcher beside two baselines, in one run, on every FAQ test set.

Sets: each FAQ file with its question file (`<entry id><TAB><question>`, `-` for a question
the FAQ does not cover). Matchers:
  handover      the FAQ tester (`examples/faq.rs`): the widget's matcher, at its shipped
                threshold, and again at the threshold the baselines get (below);
  tfidf-char    TF-IDF over character 2-4-grams within words (scikit-learn), cosine to the
                nearest question or phrasing;
  bm25          BM25 Okapi over lower-cased words (rank_bm25), nearest question or phrasing.
Each matcher except the shipped handover line answers from the lowest threshold at which
at most 10% of the out-of-scope questions get an answer (chosen on the test set itself,
which flatters the baselines as much as it flatters us). Printed per set and matcher:
  top-1     right entry / in-scope questions
  oos       out-of-scope questions answered anyway / out-of-scope questions
  utility   mean per question: +1 right outcome (the right entry, or "I don't know" out of
            scope), 0 for "I don't know" in scope, -2 for a wrong answer (a wrong entry, or
            any answer out of scope): a visitor misled costs more than one sent to a human.

    python3 scripts/faq-eval.py          # needs PyPI the first time; builds the tester

Exits with 1 when the matcher does not beat both baselines on some set.

Its venv lives under target/faq-eval/.
"""
import json
import os
import subprocess
import sys
import venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "faq-eval")
PACKAGES = ["scikit-learn==1.5.2", "rank_bm25==0.2.2"]
SETS = [
    ("demo shop (16 entries)", "examples/demo/faq.json", "tests/data/faq_questions.txt"),
    ("demo shop, Spanish (16 entries)", "examples/demo/faq.es.json", "tests/data/faq_questions.es.txt"),
    ("mobile network (111 entries)", "tests/data/faq_large.json", "tests/data/faq_large_questions.txt"),
]
OOS_BUDGET = 0.10


def ensure_venv():
    """Re-runs this script inside a venv that has the baselines' packages."""
    python = os.path.join(WORK, "venv", "bin", "python")
    if sys.executable != python and os.environ.get("FAQ_EVAL_VENV") != "1":
        if not os.path.exists(python):
            venv.create(os.path.join(WORK, "venv"), with_pip=True)
        probe = subprocess.run([python, "-c", "import sklearn, rank_bm25"], capture_output=True)
        if probe.returncode != 0:
            subprocess.run([python, "-m", "pip", "install", "-q", *PACKAGES], check=True)
        env = dict(os.environ, FAQ_EVAL_VENV="1")
        sys.exit(subprocess.run([python, *sys.argv], env=env).returncode)


def load_set(faq_path, questions_path):
    with open(os.path.join(ROOT, faq_path), encoding="utf-8") as f:
        faq = json.load(f)
    docs = []
    for entry in faq["entries"]:
        for text in [entry["question"], *entry.get("phrasings", [])]:
            docs.append((entry["id"], text))
    questions = []
    with open(os.path.join(ROOT, questions_path), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                expected, text = line.split("\t", 1)
                questions.append((None if expected == "-" else expected, text))
    return faq, docs, questions


def handover(faq_path, questions, threshold=None):
    """(best id, confidence, answered id or None) per question, from the FAQ tester."""
    tester = os.path.join(ROOT, "target", "release", "examples", "faq")
    args = [tester, os.path.join(ROOT, faq_path)]
    if threshold is not None:
        args[1:1] = ["--threshold", f"{threshold:.6f}"]
    text = "\n".join(q for _, q in questions) + "\n"
    out = subprocess.run(args, input=text, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def tfidf_scorer(docs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectorizer.fit_transform([t for _, t in docs])

    def score(question):
        sims = (matrix @ vectorizer.transform([question]).T).toarray().ravel()
        best = int(sims.argmax())
        return docs[best][0], float(sims[best])

    return score


def bm25_scorer(docs):
    import re
    from rank_bm25 import BM25Okapi

    tokenize = lambda text: re.findall(r"\w+", text.lower())
    index = BM25Okapi([tokenize(t) for _, t in docs])

    def score(question):
        scores = index.get_scores(tokenize(question))
        best = int(scores.argmax())
        return docs[best][0], float(scores[best])

    return score


def budget_threshold(scored, questions):
    """Lowest threshold at which at most OOS_BUDGET of out-of-scope questions get answers."""
    outside = sorted((s for (_, s), (e, _) in zip(scored, questions) if e is None), reverse=True)
    allowed = int(OOS_BUDGET * len(outside))
    # Answer from just above the (allowed+1)-th highest out-of-scope score.
    return outside[allowed] + 1e-9 if allowed < len(outside) else 0.0


def report(name, answers, questions):
    inside = [(a, e) for a, (e, _) in zip(answers, questions) if e is not None]
    outside = [a for a, (e, _) in zip(answers, questions) if e is None]
    right = sum(a == e for a, e in inside)
    wrong = sum(a is not None and a != e for a, e in inside)
    leaked = sum(a is not None for a in outside)
    utility = (right + (len(outside) - leaked) - 2 * (wrong + leaked)) / len(questions)
    print(
        f"  {name:<28} top-1 {right / len(inside):6.1%} ({right}/{len(inside)}, {wrong} wrong)"
        f"   oos {leaked / len(outside):5.1%} ({leaked}/{len(outside)})   utility {utility:+.3f}"
    )
    return right / len(inside)


def main():
    ensure_venv()
    failed = False
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "faq"], cwd=ROOT, check=True)
    for title, faq_path, questions_path in SETS:
        if not os.path.exists(os.path.join(ROOT, questions_path)):
            continue
        faq, docs, questions = load_set(faq_path, questions_path)
        print(f"{title}: {len(docs)} questions and phrasings; "
              f"{sum(e is not None for e, _ in questions)} in-scope and "
              f"{sum(e is None for e, _ in questions)} out-of-scope test questions")
        shipped = handover(faq_path, questions)
        report("handover (shipped threshold)", [r["answer"] for r in shipped], questions)
        # The same matcher under the baselines' rule: its best entry is the tester's answer
        # at a threshold just above zero.
        best = handover(faq_path, questions, threshold=1e-6)
        scored = [(r["answer"], r["confidence"]) for r in best]
        results = {}
        for name, scorer in [("handover", None), ("tfidf-char", tfidf_scorer(docs)), ("bm25", bm25_scorer(docs))]:
            pairs = scored if scorer is None else [scorer(q) for _, q in questions]
            cut = budget_threshold(pairs, questions)
            answers = [i if s >= cut and s > 0 else None for i, s in pairs]
            results[name] = report(f"{name} (<= {OOS_BUDGET:.0%} oos, t={cut:.3f})", answers, questions)
        beaten = all(results["handover"] > results[b] for b in ("tfidf-char", "bm25"))
        print(f"  handover beats both baselines within the budget: {'yes' if beaten else 'NO'}")
        failed |= not beaten
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
