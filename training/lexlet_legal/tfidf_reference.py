"""Reference: TF-IDF + linear SVM per label (one-vs-rest), LexGLUE's TFIDF-SVM baseline, on our dev split.

Reports two variants: the plain decision rule (score > 0, as LexGLUE) and per-label thresholds chosen on
out-of-fold decision scores over document folds of train (same calibration as the hashed model).
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from .metrics import best_thresholds, binarize, lexglue_scores, multi_hot
from .unfair_tos_data import LABELS, document_folds, load_unfair_tos


def fit_predict(train_texts, y_train, test_texts, c: float) -> np.ndarray:
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, max_features=200_000)
    x_train = vec.fit_transform(train_texts)
    x_test = vec.transform(test_texts)
    scores = np.zeros((len(test_texts), y_train.shape[1]))
    for j in range(y_train.shape[1]):
        scores[:, j] = LinearSVC(C=c, class_weight="balanced").fit(x_train, y_train[:, j]).decision_function(x_test)
    return scores


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    train, dev = load_unfair_tos("train"), load_unfair_tos("validation")
    y_train = multi_hot([s.labels for s in train], len(LABELS))
    y_dev = multi_hot([s.labels for s in dev], len(LABELS))
    texts = [s.text for s in train]
    folds = np.array(document_folds(train, args.folds))
    oof = np.zeros(y_train.shape)
    for k in range(args.folds):
        tr, te = folds != k, folds == k
        oof[te] = fit_predict([t for t, m in zip(texts, tr) if m], y_train[tr], [t for t, m in zip(texts, te) if m], args.c)
    thresholds = best_thresholds(y_train, oof, np.linspace(-1.0, 1.0, 41))
    dev_scores = fit_predict(texts, y_train, [s.text for s in dev], args.c)
    result = {
        "model": f"tfidf-1-2gram+linearsvc(C={args.c},balanced)",
        "cv_default": lexglue_scores(y_train, binarize(oof, 0.0)),
        "cv_calibrated": lexglue_scores(y_train, binarize(oof, thresholds)),
        "dev_default": lexglue_scores(y_dev, binarize(dev_scores, 0.0)),
        "dev_calibrated": lexglue_scores(y_dev, binarize(dev_scores, thresholds)),
        "thresholds": thresholds.round(3).tolist(),
    }
    print(json.dumps(result, indent=1))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
