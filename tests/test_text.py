"""The text pipeline: dictionary terms stay whole, stop words never become keywords."""
import pytest

from cnai.text import keywords as kw, topics as tp
from cnai.text import segment as text
from cnai.data import load
from cnai.errors import CorpusError

DOMAIN_TERMS = ["文心一言", "通义千问", "讯飞星火", "盘古", "混元", "人形机器人", "算力券", "百模大战", "具身智能",
                "MaaS", "生成式人工智能", "科大讯飞", "月之暗面", "钢联宗师"]


@pytest.mark.parametrize("term", DOMAIN_TERMS)
def test_dictionary_terms_come_out_whole(term):
    sentence = f"业内人士认为{term}的发展值得关注。"
    assert term in text.segment(sentence)


def test_every_dictionary_entry_has_a_tag_and_segments_whole():
    entries = text.read_user_dict()
    assert len(entries) > 100  # grep -c . data/dict/userdict.txt → 114 entries; a floor against a truncated read
    for word, _, _ in entries:
        assert word in text.segment(f"他说{word}。"), word


def test_malformed_dictionary_line_is_an_error(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("文心一言 3000 nz\n通义千问\t3000\tnz\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"dict.txt:2: malformed dictionary line"):
        text.read_user_dict(path)
    path.write_text("文心一言 3000\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"dict.txt:1: '文心一言' has no part-of-speech tag"):
        text.read_user_dict(path)


def test_stop_words_never_appear_as_keywords_or_tokens():
    stops = text.stop_words()
    keywords = load("keywords")
    assert len(keywords) > 0
    assert not set(keywords["word"]) & stops
    assert not set(load("tokens")["token"]) & stops


def test_keywords_exist_for_every_document_and_report_section():
    keywords = load("keywords")
    docs = load("documents")
    whole = keywords[keywords["part_id"].isna()]
    assert set(whole["doc_id"]) == set(docs["doc_id"])
    assert set(whole["method"]) == {"tfidf", "textrank"}
    report_parts = keywords[(keywords["doc_id"] == "hti_report_2024_06") & keywords["part_id"].notna()]
    assert {"4.7", "5.3", "6.2"} <= set(report_parts["part_id"])


def test_keywords_reflect_their_section():
    keywords = load("keywords")
    robots = keywords[(keywords["part_id"] == "4.7") & (keywords["method"] == "tfidf") & (keywords["rank"] <= 5)]
    assert "人形机器人" in set(robots["word"]) or "机器人" in set(robots["word"])


def test_tfidf_matches_jieba_on_the_same_text():
    import jieba.analyse

    sample = "百度发布文心一言，科大讯飞发布讯飞星火认知大模型，人形机器人产业链迎来发展机遇。" * 3
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = text.tokenizer()
    extractor.postokenizer = text.lexicon().pos
    extractor.stop_words = set(text.stop_words())
    ours = [w for w, _ in kw.tfidf_keywords([text.tag(sample)], top=5, stops=text.stop_words())]
    theirs = [w for w in extractor.extract_tags(sample, topK=20, allowPOS=kw.KEYWORD_POS)
              if text.is_content(w, text.stop_words())][:5]
    assert set(ours) == set(theirs)


def test_topics_cover_the_book_and_their_keywords_fit():
    topics = load("paragraph_topics")
    assert set(topics["topic"]) == {"race", "policy", "chips", "robotics", "commercialization"}
    keywords = load("topic_keywords")
    top = keywords[(keywords["method"] == "tfidf") & (keywords["rank"] <= 10)].groupby("topic")["word"].apply(set)
    assert "芯片" in top["chips"] and "机器人" in top["robotics"] and "大模型" in top["race"]
    assert not set(keywords["word"]) & text.stop_words()


def test_malformed_topics_file_is_an_error(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  chips:\n    name: 芯片\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"topics.yml: topic 'chips' needs a 'name' and a non-empty list"):
        tp.read_topics(path)
