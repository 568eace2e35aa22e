"""The featurizer spec that featurize.ts mirrors; the cross-language check is the parity fixture test."""

from lexlet_legal.hashing import Featurizer, FeaturizerSpec, feature_strings, fnv1a32, tokenize


def test_fnv1a32_reference_vectors():
    assert fnv1a32(b"") == 0x811C9DC5
    assert fnv1a32(b"a") == 0xE40C292C
    assert fnv1a32(b"foobar") == 0xBF9CF968


def test_tokenize_normalizes_and_splits_on_non_alphanumerics():
    assert tokenize("We've ﬁne_PRINT ① Straße", 10) == ["we", "ve", "fine", "print", "1", "straße"]
    assert tokenize("a b c d", 2) == ["a", "b"]


def test_feature_order_and_char_ngrams_by_code_point():
    spec = FeaturizerSpec(char_min=3, char_max=4)
    assert feature_strings(["ab", "c"], spec) == ["w|ab", "w|c", "b|ab c", "c|<ab", "c|ab>", "c|<ab>", "c|<c>"]
    assert feature_strings(["𝔘"], FeaturizerSpec(char_min=3, char_max=3, word_bigrams=False)) == ["w|𝔘", "c|<𝔘>"]


def test_ids_stay_in_bucket_range():
    f = Featurizer(FeaturizerSpec(buckets=97))
    ids = f.ids("We may terminate your account at any time, for any reason.")
    assert ids and all(0 <= i < 97 for i in ids)
    assert ids == Featurizer(FeaturizerSpec(buckets=97)).ids("We may terminate your account at any time, for any reason.")
